using Octokit;

namespace Liftoff.Ci.GitHub;

/// <summary>A GitHub deployment Liftoff created for one project in one environment.</summary>
public sealed record GitHubDeployment(long Id, string Project, string Environment);

/// <summary>
/// GitHub deployments for releases (https://docs.github.com/en/rest/deployments/deployments and
/// https://docs.github.com/en/rest/deployments/statuses): one per project and environment, named like its stack
/// ({project}-{env}), with the statuses in_progress, then success (with the environment's URL) or failure, each
/// linking the run's log.
/// </summary>
public sealed class GitHubDeployments(GitHubCalls calls, GitHubContext github)
{
    public async Task<GitHubDeployment?> StartAsync(string project, string environment, string task, CancellationToken cancellationToken)
    {
        if (github.Sha is null)
        {
            calls.Warn($"GitHub: no commit known for {project} in {environment} (not a git checkout, no GITHUB_SHA): no deployment recorded.");
            return null;
        }
        var request = new NewDeployment(github.Sha)
        {
            Environment = $"{project}-{environment}",
            Task = task,
            Description = $"Liftoff {task}: {project} to {environment}",
            // The release is this commit as built: no merge of the default branch into it, and no wait for the
            // checks that this very run is part of.
            AutoMerge = false,
            RequiredContexts = [],
            Payload = new Dictionary<string, string> { ["project"] = project, ["environment"] = environment },
        };
        var created = await calls.TryAsync($"create a deployment for {project} in {environment}",
            c => c.Repository.Deployment.Create(github.Owner, github.Name, request), cancellationToken);
        if (created is null) return null;
        var deployment = new GitHubDeployment(created.Id, project, environment);
        await PostAsync(deployment, DeploymentState.InProgress, $"Deploying {project} to {environment}", null, cancellationToken);
        return deployment;
    }

    public Task SucceededAsync(GitHubDeployment deployment, string? environmentUrl, string description, CancellationToken cancellationToken) =>
        PostAsync(deployment, DeploymentState.Success, description, environmentUrl, cancellationToken);

    public Task FailedAsync(GitHubDeployment deployment, string reason, CancellationToken cancellationToken) =>
        PostAsync(deployment, DeploymentState.Failure, reason, null, cancellationToken);

    private async Task PostAsync(GitHubDeployment deployment, DeploymentState state, string description, string? environmentUrl, CancellationToken cancellationToken)
    {
        var status = new NewDeploymentStatus(state)
        {
            // GitHub keeps at most 140 characters of a status's description.
            Description = description.Length > 140 ? description[..139] + "…" : description,
            LogUrl = github.RunUrl,
            EnvironmentUrl = environmentUrl,
        };
        await calls.TryAsync($"set the {deployment.Project}-{deployment.Environment} deployment to {state}",
            c => c.Repository.Deployment.Status.Create(github.Owner, github.Name, deployment.Id, status), cancellationToken);
    }
}
