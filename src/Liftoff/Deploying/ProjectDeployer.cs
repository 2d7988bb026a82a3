using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Live;
using Liftoff.Deploying.Locking;
using Liftoff.Deploying.RollingBack;
using Liftoff.Deploying.Stacks;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Uploading;
using Spectre.Console;

namespace Liftoff.Deploying;

/// <summary>
/// One project's deploy to one environment, phase by phase: compare with the live release and with what AWS really
/// serves (nothing to do when both agree), lock, close what an interrupted run left in progress, plan the change set
/// (none when the stack is as the live release left it and would get the same template and parameters), show it with
/// the planned rollout, approve where the environment asks for it, execute or discard, roll the code out,
/// publish the front end, and record the release whatever the outcome. Every change is fenced by the lock: a run whose
/// lock was taken over stops before its next change. The artifacts are uploaded beforehand (the Upload target).
/// Partial files: Check (compare, dry run), Lock (lock, close interrupted records), Stop (how a stopped deploy is recorded).
/// </summary>
public sealed partial class ProjectDeployer(
    AwsClients clients,
    IAnsiConsole console,
    ReleaseActor actor,
    GitRevision? git,
    string rootDirectory,
    TimeProvider? clock = null,
    DeploymentLockOptions? lockOptions = null,
    IDeployPause? pause = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly IDeployPause _pause = pause ?? DeployPause.None;
    private readonly LiveStateReader _live = new(clients.Lambda, clients.CloudFormation);

    /// <summary>What this run's Upload sent or saw in the bucket: not asked for again (null: ask).</summary>
    public UploadedThisRun? UploadedThisRun { get; init; }

    /// <param name="takenOver">A lock DeployRun already holds for this project (--force-unlock takes it over first); used instead of acquiring one.</param>
    public async Task<ProjectDeployResult> DeployAsync(
        ProjectEnvironment environment, ArtifactManifest manifest, DeployOptions options, ApprovalGate approval,
        CancellationToken cancellationToken, DeploymentLease? takenOver = null)
    {
        var ledger = new ReleaseLedger(clients.S3, environment.ArtifactBucket, clock);
        var reading = ProjectDeployment.ReadAsync(environment, manifest, rootDirectory, git, actor, cancellationToken);
        var (deployment, seen) = await AssessAsync(environment, reading, ledger, options, cancellationToken);
        if (seen.Reasons is not null)
            await UploadedArtifacts.VerifyAsync(clients.S3, environment.ArtifactBucket, environment.Environment,
                environment.Functions.Select(f => manifest.Find(environment.Project, f.Name)!), rootDirectory, console, send: !options.DryRun, cancellationToken, UploadedThisRun);
        if (options.DryRun && seen.Reasons is not null) return await DryRunAsync(deployment, seen, options, cancellationToken);
        if (seen.Reasons is null)
        {
            if (seen.State.InProgress.Count > 0 && !options.DryRun)
                await CloseInterruptedAsync(environment, ledger, seen.State.InProgress, seen.Found!, takenOver, cancellationToken);
            return Result(deployment, ProjectDeployOutcome.UpToDate, [], release: seen.State.Live);
        }

        var (lease, waited) = takenOver is null ? await LockAsync(environment, options, cancellationToken) : (takenOver, false);
        await using (lease)
        {
            // The run waited for was most likely deploying the same commit: look again before doing it twice.
            if (waited) (_, seen) = await AssessAsync(environment, Task.FromResult(deployment), ledger, options, cancellationToken);
            await CloseAsync(ledger, seen.State.InProgress, seen.Found, lease, cancellationToken);
            return seen.Reasons is null
                ? Result(deployment, ProjectDeployOutcome.UpToDate, [], release: seen.State.Live)
                : await DeployLockedAsync(deployment, ledger, seen.State.Live, seen.Reasons, lease, approval, options, cancellationToken);
        }
    }

    /// <summary>The deploy proper, under the lock: every phase recorded; a stop of any kind releases the lock first, then is recorded.</summary>
    private async Task<ProjectDeployResult> DeployLockedAsync(
        ProjectDeployment deployment, ReleaseLedger ledger, Release? live, IReadOnlyList<string> reasons, DeploymentLease lease,
        ApprovalGate approval, DeployOptions options, CancellationToken cancellationToken)
    {
        using var lockHeld = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        var token = lockHeld.Token;
        var record = await ReleaseRecorder.StartAsync(ledger, deployment.Draft, lease, _clock, token);
        var steps = StepsFor(lease, deployment.Environment);
        try
        {
            await _pause.AtAsync(DeployPoint.AfterUpload, token);
            var stack = await record.PhaseAsync("stack", () => DeployStackAsync(deployment, steps.Stacks, approval, live, options, token), token);
            var rolled = await record.PhaseAsync("rollout", () => RollOutAsync(deployment, steps, token), token,
                (release, result) => release with { FunctionVersions = ProjectDeployment.VersionsByFunction(result) });
            var published = await PublishFrontEndAsync(deployment, steps.Site, live, record, token);
            var left = await _live.ReadStackAsync(deployment.Environment.StackName, token);
            var recorded = await record.CompleteAsync(
                new ReleaseStack(left.Status ?? "", left.ChangedAt) { UnchangedSince = stack.Outcome == StackDeployOutcome.Unchanged ? live?.Id : null }, token);
            return Result(deployment, ProjectDeployOutcome.Deployed, reasons, stack, rolled, published, recorded);
        }
        catch (RolloutFailedException alarm) when (live is not null)
        {
            await RollBackAfterAlarmAsync(deployment, live, record, alarm, lease, token);
            throw;
        }
        catch (Exception e)
        {
            if (await RecordStopAsync(e, deployment, record, lease, cancellationToken) is { } instead) throw instead;
            throw;
        }
    }

    /// <summary>
    /// Roll back: an alarm stopped the rollout and sent the traffic back. The rest of the release before it (the stack's
    /// template and parameters; the front end was not published yet) comes back the way Rollback does it, under this
    /// deploy's lock, recorded as a rollback naming that release; this deploy's record is marked rolled back.
    /// </summary>
    private async Task RollBackAfterAlarmAsync(
        ProjectDeployment deployment, Release live, ReleaseRecorder record, RolloutFailedException alarm, DeploymentLease lease,
        CancellationToken cancellationToken)
    {
        var stopped = record.Release with { FunctionVersions = ProjectDeployment.VersionsByFunction(alarm.Result) };
        try
        {
            await new ReleaseRollback(clients, console, actor, clock)
                .RestoreAsync(deployment.Environment, stopped, live, alarm.Message, RollbackOptions.Automatic(console), lease, cancellationToken);
        }
        catch (Exception e)
        {
            // The traffic is back on the previous versions whatever happened to the rest: the record says both.
            await new ReleaseLedger(clients.S3, deployment.Environment.ArtifactBucket, clock)
                .MarkRolledBackAsync(stopped, $"{alarm.Message} Restoring the rest of release {live.Id} failed: {e.Message}", CancellationToken.None);
        }
    }

    /// <summary>
    /// Leave the stack alone when it is as the live release left it with the same inputs (not with --force); otherwise plan
    /// (the template passed by URL when too large to send inline), show, approve, then execute or discard.
    /// </summary>
    private async Task<StackDeployResult> DeployStackAsync(
        ProjectDeployment deployment, StackDeployer stacks, ApprovalGate approval, Release? live, DeployOptions options, CancellationToken cancellationToken)
    {
        var environment = deployment.Environment;
        var template = deployment.Stack.Template;
        // The template as CloudFormation gets it, kept by hash: Rollback redeploys it from there (a release that made no
        // change set records the same hash, so its copy is checked too).
        var kept = new RollbackCopies(clients.S3, environment.ArtifactBucket).KeepTemplateAsync(environment.Project, template.Body, cancellationToken);
        var unchanged = options.Force
            ? Task.FromResult<string?>(null)
            : new UnchangedStack(_live).WhyAsync(deployment.Stack, deployment.Draft, live, cancellationToken);
        await Task.WhenAll(kept, unchanged);
        if (unchanged.Result is { } why) return await stacks.LeaveUnchangedAsync(deployment.Stack, why, dryRun: false, cancellationToken);
        var source = await new TemplateUploader(clients.S3, environment.ArtifactBucket, environment.Region, environment.EndpointUrl)
            .PrepareAsync(environment.Project, template.Body, cancellationToken);
        var plan = await stacks.PlanAsync(deployment.Stack with { Template = template with { Url = source.Url } }, cancellationToken);
        await ShowThenApproveAsync(deployment, stacks, plan, approval, cancellationToken);
        return await stacks.ExecuteOrDiscardAsync(plan, dryRun: false, cancellationToken);
    }

    /// <summary>
    /// Show the change set and the planned code rollout, then approve. Until the change set is executed or
    /// discarded, a stop here (no approval, Ctrl-C, an error, the lock lost) deletes it, so nothing is left half-made.
    /// </summary>
    private async Task ShowThenApproveAsync(
        ProjectDeployment deployment, StackDeployer stacks, ChangeSetPlan plan, ApprovalGate? approval, CancellationToken cancellationToken)
    {
        try
        {
            stacks.Show(plan);
            await ShowRolloutAsync(deployment, plan.CreatesStack, cancellationToken);
            await _pause.AtAsync(DeployPoint.AfterChangeSet, cancellationToken);
            if (approval is not null) await ApproveAsync(plan, approval, cancellationToken);
        }
        catch (Exception)
        {
            await DiscardQuietlyAsync(stacks, plan);
            throw;
        }
    }

    /// <summary>The planned code rollout (a stack about to be created has no functions yet).</summary>
    private async Task ShowRolloutAsync(ProjectDeployment deployment, bool createsStack, CancellationToken cancellationToken)
    {
        var functions = createsStack ? new Dictionary<string, string>() : await StackResourcesAsync(deployment, cancellationToken);
        CodeRollout.Write(console, await StepsFor(DeploymentFence.None).Rollout.PlanAsync(deployment.Rollout(functions), cancellationToken));
    }

    /// <summary>Tidies a change set up after a stop; a failure to tidy is said, never put in place of why the deploy stopped.</summary>
    private async Task DiscardQuietlyAsync(StackDeployer stacks, ChangeSetPlan plan)
    {
        try
        {
            await stacks.DiscardAsync(plan, CancellationToken.None);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(plan.StackName)}: could not delete change set {Markup.Escape(plan.ChangeSetName ?? "")} ({Markup.Escape(e.Message)}).[/]");
        }
    }

    /// <summary>
    /// Approve: where the environment requires it, a change set that changes something runs only with --approve or
    /// a person's yes at the terminal; in CI without --approve the deploy stops with how to approve.
    /// </summary>
    private static Task ApproveAsync(ChangeSetPlan plan, ApprovalGate approval, CancellationToken cancellationToken) =>
        plan.HasChanges && plan.Deployment.RequiresApproval
            ? approval.EnsureApprovedAsync(plan.StackName, plan.Deployment.Environment, cancellationToken)
            : Task.CompletedTask;

    private async Task<RolloutResult> RollOutAsync(ProjectDeployment deployment, Steps steps, CancellationToken cancellationToken) =>
        await steps.Rollout.RunAsync(deployment.Rollout(await StackResourcesAsync(deployment, cancellationToken)), cancellationToken);

    /// <summary>The stack's resources, logical id to physical id: the functions' names as AWS gave them.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StackResourcesAsync(ProjectDeployment deployment, CancellationToken cancellationToken) =>
        (await StepsFor(DeploymentFence.None).Stacks.ReadOutputsAsync(deployment.Environment.StackName, cancellationToken)).Resources;

    /// <summary>Publish the front end to the site bucket the stack made, when the project has one.</summary>
    private async Task<FrontEndPublishResult?> PublishFrontEndAsync(
        ProjectDeployment deployment, FrontEndPublisher site, Release? live, ReleaseRecorder record, CancellationToken cancellationToken)
    {
        if (deployment.Assets is not { } assets || deployment.Environment.Outputs.SiteBucket is not { } bucket) return null;
        return await record.PhaseAsync("front end", async () =>
            {
                var outputs = await StepsFor(DeploymentFence.None).Stacks.ReadOutputsAsync(deployment.Environment.StackName, cancellationToken);
                return await site.PublishAsync(outputs.Require(bucket.OutputName, bucket.LogicalId), assets, live?.Assets, cancellationToken);
            },
            cancellationToken,
            (release, published) => release with { ChangedPaths = published.ChangedPaths, DeletedPaths = published.DeletedPaths });
    }

    /// <summary>
    /// The steps that change AWS, each checking <paramref name="fence"/> before every change it makes; given the
    /// environment, the site's publish keeps for Rollback what it replaces.
    /// </summary>
    private Steps StepsFor(IDeploymentFence fence, ProjectEnvironment? environment = null) => new(
        new StackDeployer(clients.CloudFormation, console, clock) { Fence = fence, Pause = _pause },
        new CodeRollout(clients.Lambda, clients.CloudWatch, console, clock) { Fence = fence, Pause = _pause },
        new FrontEndPublisher(clients.S3)
        {
            Fence = fence, Pause = _pause,
            Keeper = environment is null ? null : new ReplacedSiteFiles(clients.S3, environment.ArtifactBucket, environment.Project, console),
        });

    private sealed record Steps(StackDeployer Stacks, CodeRollout Rollout, FrontEndPublisher Site);

    private static ProjectDeployResult Result(
        ProjectDeployment deployment, ProjectDeployOutcome outcome, IReadOnlyList<string> reasons, StackDeployResult? stack = null,
        RolloutResult? rollout = null, FrontEndPublishResult? frontEnd = null, Release? release = null) =>
        new(deployment.Project, deployment.Environment.Environment, outcome, reasons, stack, rollout, frontEnd, release);
}
