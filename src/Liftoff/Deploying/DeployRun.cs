using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Locking;
using Liftoff.Packaging;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying;

/// <summary>
/// The Deploy step for every selected project: independent projects deploy in parallel (bounded), sharing
/// one request budget per service through their clients (<see cref="AwsClients"/>, one per region and endpoint); a failed project does not stop the others. Ends with a summary table and
/// throws <see cref="DeployRunFailedException"/> when any project failed (a non-zero exit); "no changes" and
/// "up to date" are successes.
/// </summary>
public sealed class DeployRun(
    Func<ProjectEnvironment, AwsClients> clientsFor,
    IAnsiConsole console,
    ReleaseActor actor,
    GitRevision? git,
    string rootDirectory,
    int maxParallelProjects = 4,
    TimeProvider? clock = null)
{
    public async Task<IReadOnlyList<ProjectDeployResult>> RunAsync(
        IReadOnlyList<ProjectEnvironment> projects, ArtifactManifest manifest, DeployOptions options, ApprovalGate approval,
        CancellationToken cancellationToken)
    {
        if (options.ForceUnlock) await ForceUnlockAsync(projects, cancellationToken);
        var results = new ProjectDeployResult?[projects.Count];
        var failures = new Exception?[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelProjects, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var project = projects[i];
                var deployer = new ProjectDeployer(clientsFor(project), console, actor, git, rootDirectory, clock);
                try
                {
                    results[i] = await deployer.DeployAsync(project, manifest, options, approval, token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    failures[i] = e;
                    console.MarkupLine($"[red]{Markup.Escape(project.Project)}: {Markup.Escape(e.Message)}[/]");
                }
            });

        console.Write(DeploySummary.Render(projects, results, failures));
        var failed = projects.Select((p, i) => (p.Project, Error: failures[i])).Where(f => f.Error is not null).ToList();
        if (failed.Count > 0)
            throw new DeployRunFailedException(failed.Select(f => f.Project).ToList(), failed.Select(f => f.Error!).ToList())
                { Succeeded = results.OfType<ProjectDeployResult>().ToList() };
        return results.Select(r => r!).ToList();
    }

    /// <summary>--force-unlock: removes each project's deployment lock first, saying whose it was.</summary>
    private async Task ForceUnlockAsync(IReadOnlyList<ProjectEnvironment> projects, CancellationToken cancellationToken)
    {
        foreach (var project in projects)
        {
            var holder = await new DeploymentLock(clientsFor(project).S3, project.ArtifactBucket)
                .ForceUnlockAsync(project.Project, project.Environment, cancellationToken);
            console.MarkupLine(holder is null
                ? $"{Markup.Escape(project.Project)}: no deployment lock was held"
                : $"[yellow]{Markup.Escape(project.Project)}: removed the deployment lock held by {Markup.Escape(holder.Describe())}[/]");
        }
    }
}

/// <summary>One or more projects failed to deploy; each one's reason was printed as it happened.</summary>
public sealed class DeployRunFailedException(IReadOnlyList<string> projects, IReadOnlyList<Exception> errors)
    : DeployException($"Deploy failed for {string.Join(", ", projects)}: " + string.Join(" | ", errors.Select(e => e.Message)),
        errors.Count == 1 ? errors[0] : new AggregateException(errors))
{
    public IReadOnlyList<string> Projects { get; } = projects;

    /// <summary>Each failed project's reason, in the order of <see cref="Projects"/>.</summary>
    public IReadOnlyList<Exception> Errors { get; } = errors;

    /// <summary>The projects that did deploy (or were up to date) in the same run.</summary>
    public IReadOnlyList<ProjectDeployResult> Succeeded { get; init; } = [];
}
