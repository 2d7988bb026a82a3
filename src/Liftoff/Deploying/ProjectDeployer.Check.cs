using Liftoff.Deploying.Live;
using Liftoff.Deploying.Locking;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying;

public sealed partial class ProjectDeployer
{
    /// <summary>What the ledger and AWS say of the project now, and why to deploy (null: up to date).</summary>
    private sealed record Assessment(LedgerState State, LiveState? Found, IReadOnlyList<string>? Reasons);

    /// <summary>Reads the ledger, then (when it records anything) what AWS serves, and compares both with this deploy.</summary>
    private async Task<Assessment> AssessAsync(ProjectDeployment deployment, ReleaseLedger ledger, DeployOptions options, CancellationToken cancellationToken)
    {
        var environment = deployment.Environment;
        var state = await ledger.ReadStateAsync(environment.Project, environment.Environment, cancellationToken);
        var found = state.Live is null && state.InProgress.Count == 0 ? null : await _live.ReadAsync(environment, cancellationToken);
        return new Assessment(state, found, Compare(deployment, state.Live, found, options));
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

    /// <summary>--dry-run: plan and show, then discard; no lock, no record, nothing changed.</summary>
    private async Task<ProjectDeployResult> DryRunAsync(ProjectDeployment deployment, IReadOnlyList<string> reasons, CancellationToken cancellationToken)
    {
        var stacks = StepsFor(DeploymentFence.None).Stacks;
        var plan = await stacks.PlanAsync(deployment.Stack, cancellationToken);
        await ShowThenApproveAsync(deployment, stacks, plan, approval: null, cancellationToken);
        var planned = await stacks.ExecuteOrDiscardAsync(plan, dryRun: true, cancellationToken);
        return Result(deployment, ProjectDeployOutcome.DryRun, reasons, planned);
    }
}
