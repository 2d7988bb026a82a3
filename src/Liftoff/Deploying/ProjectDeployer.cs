using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Locking;
using Liftoff.Deploying.Stacks;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Uploading;
using Spectre.Console;

namespace Liftoff.Deploying;

/// <summary>
/// One project's deploy to one environment, phase by phase: compare with the live release (nothing to do when
/// equal), lock, plan the change set, show it with the planned rollout, approve where the environment asks for
/// it, execute or discard, roll the code out, publish the front end, and record the release whatever the outcome.
/// The artifacts are uploaded beforehand (the Upload target).
/// </summary>
public sealed class ProjectDeployer(
    AwsClients clients,
    IAnsiConsole console,
    ReleaseActor actor,
    GitRevision? git,
    string rootDirectory,
    TimeProvider? clock = null)
{
    private readonly StackDeployer _stacks = new(clients.CloudFormation, console, clock);
    private readonly CodeRollout _rollout = new(clients.Lambda, clients.CloudWatch, console, clock);

    public async Task<ProjectDeployResult> DeployAsync(
        ProjectEnvironment environment, ArtifactManifest manifest, DeployOptions options, ApprovalGate approval,
        CancellationToken cancellationToken)
    {
        var deployment = await ProjectDeployment.ReadAsync(environment, manifest, rootDirectory, git, actor, cancellationToken);
        var ledger = new ReleaseLedger(clients.S3, environment.ArtifactBucket, clock);
        var live = await ledger.LastSuccessfulAsync(environment.Project, environment.Environment, cancellationToken);
        var reasons = Compare(deployment, live, options);
        if (reasons is null) return Result(deployment, ProjectDeployOutcome.UpToDate, [], release: live);
        await UploadedArtifacts.VerifyAsync(clients.S3, environment.ArtifactBucket, environment.Environment,
            environment.Functions.Select(f => manifest.Find(environment.Project, f.Name)!), cancellationToken);
        if (options.DryRun) return await DryRunAsync(deployment, reasons, cancellationToken);

        await using var lease = await LockAsync(environment, cancellationToken);
        using var lockHeld = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        var token = lockHeld.Token;
        var record = new ReleaseRecorder(ledger, await ledger.StartAsync(deployment.Draft, token), clock ?? TimeProvider.System);
        try
        {
            var stack = await record.PhaseAsync("stack", () => DeployStackAsync(deployment, approval, token));
            var rolled = await record.PhaseAsync("rollout", () => RollOutAsync(deployment, token),
                (release, result) => release with { FunctionVersions = ProjectDeployment.VersionsByFunction(result) });
            var published = await PublishFrontEndAsync(deployment, live, record, token);
            var recorded = await record.CompleteAsync(token);
            return Result(deployment, ProjectDeployOutcome.Deployed, reasons, stack, rolled, published, recorded);
        }
        catch (Exception e)
        {
            await record.FailAsync(e);
            throw;
        }
    }

    /// <summary>Compare: what this deploy would change against what is live; null when nothing would (and no --force).</summary>
    private IReadOnlyList<string>? Compare(ProjectDeployment deployment, Release? live, DeployOptions options)
    {
        var reasons = ReleaseDifference.Between(live, deployment.Draft);
        if (reasons.Count == 0 && !options.Force)
        {
            console.MarkupLine($"[green]{Markup.Escape(deployment.Project)}: up to date[/] [grey](release {Markup.Escape(live!.Id)})[/]");
            return null;
        }
        console.MarkupLine($"{Markup.Escape(deployment.Project)}: deploying ({Markup.Escape(string.Join(", ", reasons.DefaultIfEmpty("--force")))})");
        return reasons;
    }

    /// <summary>--dry-run: plan and show, then discard; no lock, no record, nothing changed.</summary>
    private async Task<ProjectDeployResult> DryRunAsync(ProjectDeployment deployment, IReadOnlyList<string> reasons, CancellationToken cancellationToken)
    {
        var plan = await _stacks.PlanAsync(deployment.Stack, cancellationToken);
        await ShowThenApproveAsync(deployment, plan, approval: null, cancellationToken);
        var planned = await _stacks.ExecuteOrDiscardAsync(plan, dryRun: true, cancellationToken);
        return Result(deployment, ProjectDeployOutcome.DryRun, reasons, planned);
    }

    /// <summary>Lock: one deploy at a time per project and environment; a lost lease cancels this one.</summary>
    private Task<DeploymentLease> LockAsync(ProjectEnvironment environment, CancellationToken cancellationToken) =>
        new DeploymentLock(clients.S3, environment.ArtifactBucket, clock: clock)
            .AcquireAsync(environment.Project, environment.Environment, actor, cancellationToken);

    /// <summary>Plan (the template passed by URL when too large to send inline), show, approve, then execute or discard.</summary>
    private async Task<StackDeployResult> DeployStackAsync(ProjectDeployment deployment, ApprovalGate approval, CancellationToken cancellationToken)
    {
        var environment = deployment.Environment;
        var template = deployment.Stack.Template;
        var source = await new TemplateUploader(clients.S3, environment.ArtifactBucket, environment.Region, environment.EndpointUrl)
            .PrepareAsync(environment.Project, template.Body, cancellationToken);
        var plan = await _stacks.PlanAsync(deployment.Stack with { Template = template with { Url = source.Url } }, cancellationToken);
        await ShowThenApproveAsync(deployment, plan, approval, cancellationToken);
        return await _stacks.ExecuteOrDiscardAsync(plan, dryRun: false, cancellationToken);
    }

    /// <summary>
    /// Show the change set and the planned code rollout, then approve. Until the change set is executed or
    /// discarded, a stop here (no approval, Ctrl-C, an error) deletes it, so nothing is left half-made.
    /// </summary>
    private async Task ShowThenApproveAsync(ProjectDeployment deployment, ChangeSetPlan plan, ApprovalGate? approval, CancellationToken cancellationToken)
    {
        try
        {
            _stacks.Show(plan);
            var functions = plan.CreatesStack ? new Dictionary<string, string>() : await StackResourcesAsync(deployment, cancellationToken);
            CodeRollout.Write(console, await _rollout.PlanAsync(deployment.Rollout(functions), cancellationToken));
            if (approval is not null) await ApproveAsync(plan, approval, cancellationToken);
        }
        catch (Exception)
        {
            await _stacks.DiscardAsync(plan, CancellationToken.None);
            throw;
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

    private async Task<RolloutResult> RollOutAsync(ProjectDeployment deployment, CancellationToken cancellationToken) =>
        await _rollout.RunAsync(deployment.Rollout(await StackResourcesAsync(deployment, cancellationToken)), cancellationToken);

    /// <summary>The stack's resources, logical id to physical id: the functions' names as AWS gave them.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StackResourcesAsync(ProjectDeployment deployment, CancellationToken cancellationToken) =>
        (await _stacks.ReadOutputsAsync(deployment.Environment.StackName, cancellationToken)).Resources;

    /// <summary>Publish the front end to the site bucket the stack made, when the project has one.</summary>
    private async Task<FrontEndPublishResult?> PublishFrontEndAsync(
        ProjectDeployment deployment, Release? live, ReleaseRecorder record, CancellationToken cancellationToken)
    {
        if (deployment.Assets is not { } assets || deployment.Environment.Outputs.SiteBucket is not { } site) return null;
        return await record.PhaseAsync("front end", async () =>
            {
                var outputs = await _stacks.ReadOutputsAsync(deployment.Environment.StackName, cancellationToken);
                return await new FrontEndPublisher(clients.S3)
                    .PublishAsync(outputs.Require(site.OutputName, site.LogicalId), assets, live?.Assets, cancellationToken);
            },
            (release, published) => release with { ChangedPaths = published.ChangedPaths, DeletedPaths = published.DeletedPaths });
    }

    private static ProjectDeployResult Result(
        ProjectDeployment deployment, ProjectDeployOutcome outcome, IReadOnlyList<string> reasons, StackDeployResult? stack = null,
        RolloutResult? rollout = null, FrontEndPublishResult? frontEnd = null, Release? release = null) =>
        new(deployment.Project, deployment.Environment.Environment, outcome, reasons, stack, rollout, frontEnd, release);
}
