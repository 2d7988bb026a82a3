using Liftoff.Configuration;
using Liftoff.Deploying;
using Spectre.Console;

namespace Liftoff.Ci.GitHub;

/// <summary>
/// Wraps a Deploy (or Rollback) run with its GitHub report: a deployment per project before it starts, success with
/// the environment's URL or failure after; for a dry run on a pull request, the preview comment instead. Without a
/// GitHub context it only runs the deploy. Nothing here can fail the deploy.
/// </summary>
public sealed class GitHubDeployReport(
    GitHubContext? github,
    IAnsiConsole console,
    bool onGitHubActions,
    Func<ProjectEnvironment, CancellationToken, Task<string?>> environmentUrl)
{
    public async Task<IReadOnlyList<ProjectDeployResult>> RunAsync(
        IReadOnlyList<ProjectEnvironment> projects, string task, bool dryRun,
        Func<Task<IReadOnlyList<ProjectDeployResult>>> deploy, CancellationToken cancellationToken)
    {
        if (github is null) return await deploy();
        var calls = new GitHubCalls(GitHubCalls.ClientFor(github), console, onGitHubActions);
        if (dryRun) return await PreviewAsync(calls, projects, deploy, cancellationToken);

        var deployments = new GitHubDeployments(calls, github);
        var started = new List<GitHubDeployment>();
        foreach (var project in projects)
            if (await deployments.StartAsync(project.Project, project.Environment, task, cancellationToken) is { } deployment)
                started.Add(deployment);
        try
        {
            var results = await deploy();
            await FinishAsync(deployments, projects, started, results, new Dictionary<string, string>(), cancellationToken);
            return results;
        }
        catch (Exception e)
        {
            var failed = e is DeployRunFailedException run
                ? run.Projects.Zip(run.Errors, (p, error) => (p, error.Message)).ToDictionary(x => x.p, x => x.Message)
                : projects.ToDictionary(p => p.Project, _ => e is OperationCanceledException ? "cancelled" : e.Message);
            var succeeded = (e as DeployRunFailedException)?.Succeeded ?? [];
            // The deploy's own cancellation must not stop the report of how it ended.
            await FinishAsync(deployments, projects, started, succeeded, failed, CancellationToken.None);
            throw;
        }
    }

    private async Task FinishAsync(
        GitHubDeployments deployments, IReadOnlyList<ProjectEnvironment> projects, IReadOnlyList<GitHubDeployment> started,
        IReadOnlyList<ProjectDeployResult> succeeded, IReadOnlyDictionary<string, string> failed, CancellationToken cancellationToken)
    {
        foreach (var deployment in started)
        {
            var project = projects.First(p => p.Project == deployment.Project);
            if (succeeded.FirstOrDefault(r => r.Project == deployment.Project) is { } result)
                await deployments.SucceededAsync(deployment, await UrlAsync(project, cancellationToken), Describe(result), cancellationToken);
            else
                await deployments.FailedAsync(deployment, failed.GetValueOrDefault(deployment.Project, "did not finish"), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<ProjectDeployResult>> PreviewAsync(
        GitHubCalls calls, IReadOnlyList<ProjectEnvironment> projects, Func<Task<IReadOnlyList<ProjectDeployResult>>> deploy,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<ProjectDeployResult> results = [];
        IReadOnlyDictionary<string, string> failures = new Dictionary<string, string>();
        try
        {
            return results = await deploy();
        }
        catch (DeployRunFailedException e)
        {
            (results, failures) = (e.Succeeded, e.Projects.Zip(e.Errors, (p, error) => (p, error.Message)).ToDictionary(x => x.p, x => x.Message));
            throw;
        }
        finally
        {
            if (github!.PullRequest is { } number && projects.Count > 0)
            {
                var environment = projects[0].Environment;
                await new PullRequestComment(calls, github).UpsertAsync(number, $"deploy-preview:{environment}",
                    DeployPreviewMarkdown.Render(environment, github, results, failures), CancellationToken.None);
            }
        }
    }

    private async Task<string?> UrlAsync(ProjectEnvironment project, CancellationToken cancellationToken)
    {
        try
        {
            return await environmentUrl(project, cancellationToken) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
                   uri.Scheme is "https" or "http" ? url : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // the URL is a courtesy: the stack's outputs could not be read, the status goes without it
        }
    }

    private static string Describe(ProjectDeployResult result) => result.Outcome switch
    {
        ProjectDeployOutcome.UpToDate => $"Up to date (release {result.Release?.Id})",
        _ => $"Deployed release {result.Release?.Id}",
    };
}
