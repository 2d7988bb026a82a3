using Liftoff.Ci.GitHub;
using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// The GitHub repository Deploy and Rollback report to (deployments with statuses, the pull request's deploy
/// preview): known when a token and a repository are, from these parameters anywhere, or in GitHub Actions from
/// GITHUB_TOKEN (which the workflow exports) and GITHUB_REPOSITORY. Without them GitHub is left alone.
/// </summary>
public interface IHazGitHub : ILiftoffBuild
{
    [Parameter("GitHub token for deployments and the pull-request comment (in GitHub Actions: GITHUB_TOKEN)")]
    [Secret]
    string? GitHubToken => TryGetValue(() => GitHubToken);

    [Parameter("GitHub repository as owner/name (in GitHub Actions: GITHUB_REPOSITORY)")]
    string? GitHubRepository => TryGetValue(() => GitHubRepository);

    [Parameter("Pull request number for the deploy preview comment (in GitHub Actions: from the event)")]
    int? PullRequest => TryGetValue(() => PullRequest);

    /// <summary>Null when no token or no repository is known. The token is masked in all output from here on.</summary>
    GitHubContext? GitHub => Cached(() =>
    {
        var token = GitHubToken ?? EnvironmentInfo.GetVariable("GITHUB_TOKEN");
        Secrets.Add(token);
        return new Known(GitHubContext.Create(
            GitHubRepository ?? EnvironmentInfo.GetVariable("GITHUB_REPOSITORY"),
            token,
            EnvironmentInfo.GetVariable("GITHUB_API_URL"),
            Host.Commit ?? EnvironmentInfo.GetVariable("GITHUB_SHA"),
            Host.RunUrl,
            PullRequest ?? GitHubContext.PullRequestOf(EnvironmentInfo.GetVariable)));
    }).Context;

    /// <summary>Cached keeps non-null values: "no GitHub" is an answer worth keeping too.</summary>
    private sealed record Known(GitHubContext? Context);
}
