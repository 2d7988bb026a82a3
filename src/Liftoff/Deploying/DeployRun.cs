using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Locking;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Uploading;
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
    TimeProvider? clock = null,
    DeploymentLockOptions? lockOptions = null,
    IDeployPause? pause = null)
{
    /// <summary>What this run's Upload sent or saw in the artifact bucket: not asked for again (null: ask).</summary>
    public UploadedThisRun? UploadedThisRun { get; init; }

    public async Task<IReadOnlyList<ProjectDeployResult>> RunAsync(
        IReadOnlyList<ProjectEnvironment> projects, ArtifactManifest manifest, DeployOptions options, ApprovalGate approval,
        CancellationToken cancellationToken)
    {
        var results = new ProjectDeployResult?[projects.Count];
        var failures = new Exception?[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelProjects, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var project = projects[i];
                var deployer = new ProjectDeployer(clientsFor(project), console, actor, git, rootDirectory, clock, lockOptions, pause)
                    { UploadedThisRun = UploadedThisRun };
                try
                {
                    await using var takenOver = options.ForceUnlock ? await TakeOverAsync(project, token) : null;
                    results[i] = await deployer.DeployAsync(project, manifest, options, approval, token, takenOver);
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

    /// <summary>
    /// --force-unlock: takes the project's deployment lock over (a conditional write, never a delete, so no third run
    /// slips in between) and says whose lease it broke; the deploy then runs under it. A live holder stops at its next step.
    /// </summary>
    private async Task<DeploymentLease> TakeOverAsync(ProjectEnvironment project, CancellationToken cancellationToken)
    {
        var lease = await new DeploymentLock(clientsFor(project).S3, project.ArtifactBucket, lockOptions, clock)
            .TakeOverAsync(project.Project, project.Environment, actor, cancellationToken);
        var name = Markup.Escape(project.Project);
        console.MarkupLine(lease.TookOverFrom switch
        {
            null => $"{name}: no deployment lock was held",
            { } broken when lease.Holder.Forced =>
                $"[yellow]{name}: --force-unlock broke the live lease of {Markup.Escape(broken.Describe())}; " +
                "if that run is still going, it stops at its next step[/]",
            { } expired => $"[yellow]{name}: took over the expired lock of {Markup.Escape(expired.Describe())}[/]",
        });
        return lease;
    }
}

/// <summary>One or more projects failed to deploy; each one's reason was printed as it happened.</summary>
/// <param name="step">What failed: Deploy, or Rollback (which reports the same way).</param>
public sealed class DeployRunFailedException(IReadOnlyList<string> projects, IReadOnlyList<Exception> errors, string step = "Deploy")
    : DeployException($"{step} failed for {string.Join(", ", projects)}: " + string.Join(" | ", errors.Select(e => e.Message)),
        errors.Count == 1 ? errors[0] : new AggregateException(errors))
{
    public IReadOnlyList<string> Projects { get; } = projects;

    /// <summary>Each failed project's reason, in the order of <see cref="Projects"/>.</summary>
    public IReadOnlyList<Exception> Errors { get; } = errors;

    /// <summary>The projects that did deploy (or were up to date) in the same run.</summary>
    public IReadOnlyList<ProjectDeployResult> Succeeded { get; init; } = [];
}
