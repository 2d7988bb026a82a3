using Liftoff.Deploying.Live;
using Liftoff.Deploying.Locking;
using Spectre.Console;

namespace Liftoff.Deploying;

public sealed partial class ProjectDeployer
{
    // A CI system that cancels with SIGTERM kills the job a few seconds later: what was left is read within this.
    private static readonly TimeSpan InFlightReadLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Records how a locked deploy stopped, releasing the lock first so another run can start at once. Returns the error
    /// to throw instead of <paramref name="error"/>, or null to rethrow it:
    /// - the lock was taken over: cancelled, naming who took it (the error says so, whatever surfaced first);
    /// - Ctrl-C or SIGTERM: cancelled, with what was left in flight (a stack operation, an alias between versions);
    /// - anything else: failed (or rolled back, after an alarm).
    /// </summary>
    private async Task<Exception?> RecordStopAsync(
        Exception error, ProjectDeployment deployment, ReleaseRecorder record, DeploymentLease lease, CancellationToken cancellationToken)
    {
        var phase = record.CurrentPhase;
        var cancelled = error is OperationCanceledException && cancellationToken.IsCancellationRequested;
        if (lease.IsLost && !cancelled && error is OperationCanceledException or DeploymentLockLostException)
        {
            var lost = error as DeploymentLockLostException ?? lease.LostBefore(phase is null ? "its next step" : $"finishing its {phase} phase");
            await record.CancelAsync(lost.Message, await LeftInFlightAsync(deployment, record, phase));
            return lost;
        }
        await lease.DisposeAsync();
        if (!cancelled)
        {
            await record.FailAsync(error);
            return null;
        }
        var left = await LeftInFlightAsync(deployment, record, phase);
        await record.CancelAsync($"Cancelled (Ctrl-C or SIGTERM){(phase is null ? "" : $" during the {phase} phase")}.", left);
        var project = Markup.Escape(deployment.Project);
        console.MarkupLine(left.Count == 0
            ? $"[yellow]{project}: cancelled; the lock is released and nothing was left in flight.[/]"
            : $"[yellow]{project}: cancelled; the lock is released. Left in flight:[/]");
        foreach (var line in left) console.MarkupLine($"[yellow]  - {Markup.Escape(line)}[/]");
        return null;
    }

    /// <summary>What the stopped deploy left unfinished, read from AWS within a few seconds; a failed read is said too.</summary>
    private async Task<IReadOnlyList<string>> LeftInFlightAsync(ProjectDeployment deployment, ReleaseRecorder record, string? phase)
    {
        using var limit = new CancellationTokenSource(InFlightReadLimit);
        try
        {
            return InFlight.Describe(record.Release, await _live.ReadAsync(deployment.Environment, limit.Token), phase);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            return [$"could not read what was left in flight ({e.Message}); check the stack and the aliases before deploying again"];
        }
    }
}
