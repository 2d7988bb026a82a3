using Liftoff.Configuration;
using Liftoff.Deploying.Live;
using Liftoff.Deploying.Locking;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying;

public sealed partial class ProjectDeployer
{
    /// <summary>What the ledger and AWS say of the project now, and why to deploy (null: up to date).</summary>
    private sealed record Assessment(LedgerState State, LiveState? Found, IReadOnlyList<string>? Reasons);

    /// <summary>
    /// Reads the ledger and what AWS serves while the deploy's own inputs are read (none depends on another, so a no-op
    /// deploy pays for the slowest read, not their sum), then compares. What AWS serves counts only when the ledger
    /// records something; a first deploy's reads find nothing, and cost nothing else.
    /// </summary>
    private async Task<(ProjectDeployment, Assessment)> AssessAsync(
        ProjectEnvironment environment, Task<ProjectDeployment> reading, ReleaseLedger ledger, DeployOptions options,
        CancellationToken cancellationToken)
    {
        var state = ledger.ReadStateAsync(environment.Project, environment.Environment, cancellationToken);
        var live = _live.ReadAsync(environment, cancellationToken);
        // The deploy's own inputs first: a project that cannot deploy (no package) says so rather than an AWS error.
        await Task.WhenAll(reading, state, live);
        var deployment = reading.Result;
        var found = state.Result.Live is null && state.Result.InProgress.Count == 0 ? null : live.Result;
        return (deployment, new Assessment(state.Result, found, Compare(deployment, state.Result.Live, found, options)));
    }

    /// <summary>
    /// Compare: what this deploy would change against the live release, and what AWS serves against what that release
    /// recorded. Drift is shown line by line and deployed over, as a changed input would be: a deploy makes AWS match
    /// the commit, and "up to date" must never hide a difference. Null when nothing would change (and no --force).
    /// </summary>
    private IReadOnlyList<string>? Compare(ProjectDeployment deployment, Release? live, LiveState? found, DeployOptions options)
    {
        var project = Markup.Escape(deployment.Project);
        var reasons = ReleaseDifference.Between(live, deployment.Draft).ToList();
        var drift = live is null || found is null ? [] : LiveDrift.Between(live, found);
        if (drift.Count > 0)
        {
            console.MarkupLine($"[yellow]{project}: AWS differs from the live release {Markup.Escape(live!.Id)}:[/]");
            foreach (var line in drift) console.MarkupLine($"[yellow]  - {Markup.Escape(line)}[/]");
            reasons.Add($"drift from release {live.Id}");
        }
        if (reasons.Count == 0 && !options.Force)
        {
            console.MarkupLine($"[green]{project}: up to date[/] [grey](release {Markup.Escape(live!.Id)}, confirmed live)[/]");
            return null;
        }
        console.MarkupLine($"{project}: deploying ({Markup.Escape(string.Join(", ", reasons.DefaultIfEmpty("--force")))})");
        return reasons;
    }

    /// <summary>
    /// --dry-run: plan and show, then discard; no lock, no record, nothing changed. A stack the deploy would leave alone
    /// gets no change set here either: the preview says so, and shows the planned rollout.
    /// </summary>
    private async Task<ProjectDeployResult> DryRunAsync(ProjectDeployment deployment, Assessment seen, DeployOptions options, CancellationToken cancellationToken)
    {
        var reasons = seen.Reasons!;
        var stacks = StepsFor(DeploymentFence.None).Stacks;
        if (!options.Force && await new UnchangedStack(_live).WhyAsync(deployment.Stack, deployment.Draft, seen.State.Live, cancellationToken) is { } why)
        {
            var left = await stacks.LeaveUnchangedAsync(deployment.Stack, why, dryRun: true, cancellationToken);
            await ShowRolloutAsync(deployment, createsStack: false, cancellationToken);
            return Result(deployment, ProjectDeployOutcome.DryRun, reasons, left);
        }
        var plan = await stacks.PlanAsync(deployment.Stack, cancellationToken);
        await ShowThenApproveAsync(deployment, stacks, plan, approval: null, cancellationToken);
        var planned = await stacks.ExecuteOrDiscardAsync(plan, dryRun: true, cancellationToken);
        return Result(deployment, ProjectDeployOutcome.DryRun, reasons, planned);
    }
}
