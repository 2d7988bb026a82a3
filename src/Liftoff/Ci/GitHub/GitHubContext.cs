using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liftoff.Ci.GitHub;

/// <summary>
/// The repository Liftoff reports to and how: known when a token and an owner/name repository are, from parameters
/// anywhere or from GitHub Actions' own variables (GITHUB_TOKEN exported by the workflow, GITHUB_REPOSITORY,
/// GITHUB_API_URL, the event payload for the pull request). The token is never part of <see cref="ToString"/>.
/// </summary>
public sealed partial record GitHubContext(string Owner, string Name, string ApiUrl, string? Sha, string? RunUrl, int? PullRequest)
{
    private string _token = "";

    public string Repository => $"{Owner}/{Name}";

    /// <summary>Kept out of the record's printed members and equality.</summary>
    public string Token() => _token;

    /// <returns>Null when no token or no repository is known: Liftoff then leaves GitHub alone.</returns>
    /// <exception cref="ArgumentException">The repository is not owner/name.</exception>
    public static GitHubContext? Create(string? repository, string? token, string? apiUrl, string? sha, string? runUrl, int? pullRequest)
    {
        if (string.IsNullOrWhiteSpace(repository) || string.IsNullOrWhiteSpace(token)) return null;
        var match = RepositoryName().Match(repository.Trim());
        if (!match.Success)
            throw new ArgumentException($"The GitHub repository '{repository}' is not owner/name (--github-repository, GITHUB_REPOSITORY), e.g. acme/shop.");
        return new GitHubContext(match.Groups[1].Value, match.Groups[2].Value, apiUrl ?? "https://api.github.com", sha, runUrl, pullRequest)
            { _token = token.Trim() };
    }

    /// <summary>
    /// The pull request a GitHub Actions run is for: the event payload's number (pull_request events), else
    /// GITHUB_REF's refs/pull/N/merge.
    /// </summary>
    public static int? PullRequestOf(Func<string, string?> variable)
    {
        if (variable("GITHUB_EVENT_PATH") is { } path && File.Exists(path))
        {
            using var payload = JsonDocument.Parse(File.ReadAllText(path));
            if (payload.RootElement.TryGetProperty("pull_request", out var pr) && pr.TryGetProperty("number", out var number) && number.TryGetInt32(out var value))
                return value;
        }
        return variable("GITHUB_REF") is { } reference && PullRef().Match(reference) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;
    }

    public override string ToString() => $"{Repository} via {ApiUrl}";

    [GeneratedRegex(@"^([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex(@"^refs/pull/(\d+)/")]
    private static partial Regex PullRef();
}
