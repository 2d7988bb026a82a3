using Liftoff.Configuration;
using Liftoff.Deploying.Live;
using Liftoff.Deploying.Locking;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying;

public sealed partial class ProjectDeployer
{
    /// <summary>Lock: one deploy at a time per project and environment, waiting up to --wait-for-lock (saying so); a lost lease cancels this one.</summary>
    /// <returns>The lease, and whether this run had to wait for it.</returns>
    private async Task<(DeploymentLease Lease, bool Waited)> LockAsync(ProjectEnvironment environment, DeployOptions options, CancellationToken cancellationToken)
    {
        var report = new WaitReport(console, environment.Project);
        var lease = await Locks(environment).AcquireAsync(environment.Project, environment.Environment, actor, cancellationToken,
            wait: new LockWait(options.WaitForLock, report));
        if (lease.TookOverFrom is { } expired)
            console.MarkupLine($"[yellow]{Markup.Escape(environment.Project)}: took over the lock of {Markup.Escape(expired.Describe())}, whose lease had run out[/]");
        return (lease, report.Waited);
    }

    private DeploymentLock Locks(ProjectEnvironment environment) => new(clients.S3, environment.ArtifactBucket, lockOptions, clock);

    /// <summary>
    /// Up to date, but the ledger holds releases in progress: when no run holds the lock they were interrupted (killed,
    /// their machine lost), so take the lock for a moment and close them; when one does, that run is deploying now.
    /// </summary>
    private async Task CloseInterruptedAsync(
        ProjectEnvironment environment, ReleaseLedger ledger, IReadOnlyList<Release> open, LiveState found, DeploymentLease? held,
        CancellationToken cancellationToken)
    {
        DeploymentLease lease;
        try
        {
            lease = held ?? await Locks(environment).AcquireAsync(environment.Project, environment.Environment, actor, cancellationToken);
        }
        catch (DeploymentLockedException locked)
        {
            console.MarkupLine($"[grey]{Markup.Escape(environment.Project)}: release {Markup.Escape(open[0].Id)} is being deployed now by " +
                               $"{Markup.Escape(locked.Holder.Describe())}[/]");
            return;
        }
        await using (lease)
            await CloseAsync(ledger, open, found, lease, cancellationToken);
    }

    /// <summary>
    /// Closes releases an interrupted run left in progress, under this run's lock (so no run is still working on them):
    /// each is recorded as cancelled, with what was found live compared with what it recorded.
    /// </summary>
    private async Task CloseAsync(
        ReleaseLedger ledger, IReadOnlyList<Release> open, LiveState? found, IDeploymentFence fence, CancellationToken cancellationToken)
    {
        if (open.Count == 0 || found is null) return;
        var closer = $"{actor.Display} (pid {actor.ProcessId})";
        foreach (var release in open)
        {
            await fence.EnsureHeldAsync($"closing the interrupted release {release.Id}", cancellationToken);
            var left = InFlight.Describe(release, found, phase: null);
            await ledger.CancelAsync(release,
                $"Interrupted: the run ({release.Actor.Display}, pid {release.Actor.ProcessId}) stopped without finishing its record " +
                $"and its lock was released or ran out; closed by {closer}.", left, cancellationToken, closedBy: closer);
            console.MarkupLine($"[yellow]{Markup.Escape(release.Project)}: release {Markup.Escape(release.Id)} by {Markup.Escape(release.Actor.Display)} " +
                               $"was interrupted and left in progress; recorded it as cancelled.[/]");
            foreach (var line in left) console.MarkupLine($"[yellow]  - {Markup.Escape(line)}[/]");
        }
    }

    /// <summary>Says, on the first look and then at most every half minute, who this run waits for and how long it still will.</summary>
    private sealed class WaitReport(IAnsiConsole console, string project) : IProgress<LockWaitProgress>
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);
        private TimeSpan? _last;
        private string? _holder;

        public bool Waited => _last is not null;

        public void Report(LockWaitProgress value)
        {
            if (_holder == value.Holder.Token && _last is { } last && value.Waited - last < Every) return;
            (_holder, _last) = (value.Holder.Token, value.Waited);
            console.MarkupLine($"[grey]{Markup.Escape(project)}: waiting for the lock held by {Markup.Escape(value.Holder.Describe())} " +
                               $"({LockWait.Describe(value.Waited)} so far, at most {LockWait.Describe(value.Left)} more)[/]");
        }
    }
}
