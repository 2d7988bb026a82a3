using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Cdn;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Live;
using Liftoff.Deploying.Locking;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// Takes one project in one environment back to an earlier release, as the ledger recorded it, phase by phase: under
/// Deploy's lock, find what is live and what to return to; plan every part without changing anything (each alias, the
/// stack's change set, the site's files); show it; approve where the environment asks (Deploy's rules); then move the
/// aliases (instant: the recorded versions, no build), restore the stack where it differs, put the front end back
/// from the kept copies, invalidate the CDN for exactly the paths that changed, and record a release of kind rollback
/// naming the release it restored; the release it replaced is marked rolled back. Rollback, a failed smoke test and a
/// canary alarm during Deploy all take this path.
/// </summary>
public sealed class ReleaseRollback(AwsClients clients, IAnsiConsole console, ReleaseActor actor, TimeProvider? clock = null)
{
    private readonly StackDeployer _stacks = new(clients.CloudFormation, console, clock);
    private readonly AliasRestore _aliases = new(clients.Lambda, console);
    private readonly SiteRestore _site = new(clients, console);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Rolls the project back to <paramref name="target"/>; the outcome says whether it did, only showed (dry run), or found it live already.</summary>
    /// <exception cref="RollbackException">Nothing to return to, an unknown release or one of another project or environment, a template or files not kept: nothing was changed.</exception>
    public async Task<RollbackResult> RollBackAsync(
        ProjectEnvironment environment, RollbackTarget target, string reason, RollbackOptions options, CancellationToken cancellationToken)
    {
        if (options.DryRun)
        {
            var (live, to) = await RestorePoints.FindAsync(Ledger(environment), environment, target, cancellationToken);
            return await RestoreAsync(environment, live, to, reason, options, DeploymentFence.None, cancellationToken);
        }
        return await WhileLockedAsync(environment, async (lease, token) =>
        {
            var (live, to) = await RestorePoints.FindAsync(Ledger(environment), environment, target, token);
            return await RestoreAsync(environment, live, to, reason, options, lease, token);
        }, cancellationToken);
    }

    /// <summary>
    /// For SmokeTest: the release before <paramref name="failed"/>, which must still be live, comes back with no
    /// approval asked (the deploy was approved). Returns the rollback's own record.
    /// </summary>
    public Task<Release> RestorePreviousAsync(ProjectEnvironment environment, Release failed, string reason, CancellationToken cancellationToken) =>
        WhileLockedAsync(environment, async (lease, token) =>
        {
            var (live, to) = await RestorePoints.FindAsync(Ledger(environment), environment, RollbackTarget.Previous, token);
            if (live.Id != failed.Id)
                throw new RollbackException($"Release {failed.Id} of {environment.Project} is no longer live ({live.Id} is), so it was not rolled back.");
            var result = await RestoreAsync(environment, live, to, reason, RollbackOptions.Automatic(console), lease, token);
            return result.Record ?? throw new RollbackException($"Release {to.Id} is live already; nothing was rolled back.");
        }, cancellationToken);

    /// <summary>
    /// Replaces <paramref name="replaced"/> (the live release, or a deploy an alarm stopped) with <paramref name="target"/>'s
    /// state. The caller holds the deployment lock, whose <paramref name="fence"/> is checked before each record is
    /// written (or runs a dry run, which changes nothing).
    /// </summary>
    internal async Task<RollbackResult> RestoreAsync(
        ProjectEnvironment environment, Release replaced, Release target, string reason, RollbackOptions options,
        IDeploymentFence fence, CancellationToken cancellationToken)
    {
        var result = new RollbackResult(environment.Project, environment.Environment, RollbackOutcome.AlreadyLive, replaced, target);
        if (RestorePoints.StateOf(target) == RestorePoints.StateOf(replaced))
        {
            console.MarkupLine($"[green]{Markup.Escape(environment.Project)}: release {Markup.Escape(target.Id)} is what is live already; nothing to roll back.[/]");
            return result;
        }
        console.MarkupLine($"{Markup.Escape(environment.Project)}: rolling back to {Markup.Escape(target.Id)} ({Markup.Escape(reason)})");
        var plan = await PlanAsync(environment, replaced, target, cancellationToken);
        try
        {
            plan.Write(console, _stacks);
            if (options.DryRun)
            {
                await DiscardAsync(plan, CancellationToken.None);
                console.MarkupLine($"[grey]{Markup.Escape(environment.Project)}: dry run; nothing was changed.[/]");
                return result with { Outcome = RollbackOutcome.DryRun, Aliases = plan.Aliases };
            }
            if (plan.ChangesAnything && environment.RequiresApproval)
                await options.Approval.EnsureApprovedAsync(environment.StackName, environment.Environment, cancellationToken);
        }
        catch (Exception)
        {
            await DiscardAsync(plan, CancellationToken.None);
            throw;
        }
        return await ExecuteAsync(plan, reason, options, fence, result with { Outcome = RollbackOutcome.RolledBack, Aliases = plan.Aliases }, cancellationToken);
    }

    /// <summary>Plan: every part read and decided, nothing changed; a change set already made is deleted if a later part fails.</summary>
    private async Task<RollbackPlan> PlanAsync(ProjectEnvironment environment, Release replaced, Release target, CancellationToken cancellationToken)
    {
        var aliases = await _aliases.PlanAsync(environment, target, await StackResourcesAsync(environment, cancellationToken), cancellationToken);
        var stack = await new StackRestore(clients, _stacks).PlanAsync(environment, replaced, target, cancellationToken);
        try
        {
            var site = await _site.PlanAsync(environment, replaced, target, cancellationToken);
            return new RollbackPlan(environment, replaced, target, aliases, stack, site);
        }
        catch (Exception)
        {
            if (stack is not null) await _stacks.DiscardAsync(stack.ChangeSet, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Move the aliases, restore the stack, publish again what is gone, put the front end back, invalidate; recorded as it goes.</summary>
    private async Task<RollbackResult> ExecuteAsync(
        RollbackPlan plan, string reason, RollbackOptions options, IDeploymentFence fence, RollbackResult result, CancellationToken cancellationToken)
    {
        var (environment, target) = (plan.Environment, plan.Target);
        var ledger = Ledger(environment);
        var record = await ReleaseRecorder.StartAsync(ledger, Draft(plan), fence, _clock, cancellationToken);
        try
        {
            await record.PhaseAsync("aliases", () => _aliases.MoveAsync(plan.Aliases, fence, cancellationToken), cancellationToken);
            var stack = plan.Stack is null ? null
                : await record.PhaseAsync("stack", () => StacksFencedBy(fence).ExecuteOrDiscardAsync(plan.Stack.ChangeSet, dryRun: false, cancellationToken), cancellationToken);
            if (plan.Aliases.Any(a => !a.VersionExists || a.Owner != AliasOwner.Liftoff))
                await record.PhaseAsync("aliases after the stack", () => SettleAliasesAsync(plan, fence, cancellationToken), cancellationToken,
                    (release, versions) => release with { FunctionVersions = Merged(release.FunctionVersions, versions) });
            var site = plan.Site is null ? null
                : await record.PhaseAsync("front end", () => _site.ApplyAsync(environment, plan.Site, fence, cancellationToken), cancellationToken,
                    (release, published) => release with { ChangedPaths = published.ChangedPaths, DeletedPaths = published.DeletedPaths });
            var (cdn, cdnError) = site is null ? (null, null) : await InvalidateAsync(plan, site, record, options.Cdn, cancellationToken);
            var left = await new LiveStateReader(clients.Lambda, clients.CloudFormation).ReadStackAsync(environment.StackName, cancellationToken);
            var recorded = await record.CompleteAsync(new ReleaseStack(left.Status ?? "", left.ChangedAt), cancellationToken);
            await ledger.MarkRolledBackAsync(plan.Live, $"rolled back by {recorded.Id} to {target.Id}: {reason}", cancellationToken);
            console.MarkupLine($"[green]{Markup.Escape(environment.Project)}: release {Markup.Escape(target.Id)} is live again (rollback {Markup.Escape(recorded.Id)})[/]");
            if (cdnError is not null) throw cdnError;
            return result with { Stack = stack, FrontEnd = site, Cdn = cdn, Record = recorded };
        }
        catch (Exception e) when (record.Release.Status == ReleaseStatus.InProgress)
        {
            await record.FailAsync(e);
            var done = string.Join(", ", record.Release.Phases.Select(p => p.Name));
            console.MarkupLine($"[red]{Markup.Escape(environment.Project)}: the rollback to {Markup.Escape(target.Id)} stopped " +
                               $"({(done.Length == 0 ? "nothing was changed" : $"done before it stopped: {Markup.Escape(done)}")}). " +
                               "Run Rollback again once the cause is fixed.[/]");
            throw;
        }
    }

    /// <summary>Versions that were gone published again, and the aliases the template moved read back (the stack may have renamed functions).</summary>
    private async Task<IReadOnlyDictionary<string, string>> SettleAliasesAsync(RollbackPlan plan, IDeploymentFence fence, CancellationToken cancellationToken) =>
        await _aliases.SettleAsync(plan.Environment, plan.Target, plan.Aliases, await StackResourcesAsync(plan.Environment, cancellationToken),
            new CodeRollout(clients.Lambda, clients.CloudWatch, console, clock) { Fence = fence }, cancellationToken);

    /// <summary>The stack steps that change AWS, each checking <paramref name="fence"/> first, as Deploy's do.</summary>
    private StackDeployer StacksFencedBy(IDeploymentFence fence) => new(clients.CloudFormation, console, clock) { Fence = fence };

    /// <summary>The stack's resources, logical id → physical id: the functions' names as AWS gave them.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StackResourcesAsync(ProjectEnvironment environment, CancellationToken cancellationToken) =>
        (await _stacks.ReadOutputsAsync(environment.StackName, cancellationToken)).Resources;

    /// <summary>
    /// The CDN for exactly the paths the front end changed. The restored release is live whatever happens here, so a
    /// failed invalidation does not fail the record: it is returned, to fail the run after the record is written.
    /// </summary>
    private async Task<(CdnOutcome? Outcome, Exception? Error)> InvalidateAsync(
        RollbackPlan plan, FrontEndPublishResult site, ReleaseRecorder record, CdnOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await record.PhaseAsync("cdn", () => new ProjectCdn(clients, console, clock).InvalidateAsync(
                    plan.Environment, [.. site.ChangedPaths, .. site.DeletedPaths], plan.Target.Assets?.Files.Select(f => f.Path) ?? [],
                    options, cancellationToken),
                cancellationToken,
                (release, outcome) => release with { Invalidation = outcome.Invalidation });
            return (outcome, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, new DeployException(
                $"{plan.Environment.Project} is back on release {plan.Target.Id}, but the CDN was not invalidated: {e.Message} " +
                $"Invalidate it with ./build.sh InvalidateCdn --env {plan.Environment.Environment} --project {plan.Environment.Project}.", e));
        }
    }

    private static IReadOnlyDictionary<string, string> Merged(IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> republished) =>
        recorded.Keys.Union(republished.Keys)
            .ToDictionary(k => k, k => republished.TryGetValue(k, out var version) ? version : recorded[k], StringComparer.Ordinal);

    /// <summary>The rollback's record: the restored release's state (with what the stack holds now) and who rolled back.</summary>
    private Release Draft(RollbackPlan plan) => new()
    {
        Kind = ReleaseKind.Rollback,
        Project = plan.Environment.Project,
        Environment = plan.Environment.Environment,
        Git = plan.Target.Git,
        Actor = actor,
        Artifacts = plan.Target.Artifacts,
        FunctionVersions = plan.Target.FunctionVersions,
        StackParameters = plan.Stack?.RecordedParameters ?? plan.Target.StackParameters,
        TemplateSha256 = plan.Target.TemplateSha256,
        Assets = plan.Target.Assets,
        RestoredReleaseId = plan.Target.Id,
    };

    private Task DiscardAsync(RollbackPlan plan, CancellationToken cancellationToken) =>
        plan.Stack is null ? Task.CompletedTask : _stacks.DiscardAsync(plan.Stack.ChangeSet, cancellationToken);

    /// <summary>Deploy's lock: one deploy or rollback at a time per project and environment; a lost lease cancels this one.</summary>
    private async Task<T> WhileLockedAsync<T>(
        ProjectEnvironment environment, Func<DeploymentLease, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var lease = await new DeploymentLock(clients.S3, environment.ArtifactBucket, clock: clock)
            .AcquireAsync(environment.Project, environment.Environment, actor, cancellationToken);
        using var lockHeld = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        return await work(lease, lockHeld.Token);
    }

    private ReleaseLedger Ledger(ProjectEnvironment environment) => new(clients.S3, environment.ArtifactBucket, clock);
}
