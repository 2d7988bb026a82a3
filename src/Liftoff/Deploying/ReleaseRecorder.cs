using Liftoff.Deploying.Code;
using Liftoff.Deploying.Locking;
using Liftoff.Releases;

namespace Liftoff.Deploying;

/// <summary>
/// The ledger record of one deploy or rollback while it runs: each phase's timing and results are added as it ends and written
/// at once (so a killed run leaves a record of how far it got), and the record is finished whatever happens —
/// succeeded, rolled back by an alarm, failed, or cancelled (a signal, or the lock taken over). Writes that claim
/// something (the start, progress, success) are fenced by the lock; closing its own record as stopped is not, since
/// it claims nothing about what is live.
/// </summary>
internal sealed class ReleaseRecorder(ReleaseLedger ledger, Release started, IDeploymentFence fence, TimeProvider clock)
{
    public Release Release { get; private set; } = started;

    /// <summary>The phase running now ("stack", "rollout", "front end"), or null between phases.</summary>
    public string? CurrentPhase { get; private set; }

    /// <summary>Starts the record, fenced; the draft (a deploy's or a rollback's) gets its id and start time.</summary>
    public static async Task<ReleaseRecorder> StartAsync(
        ReleaseLedger ledger, Release draft, IDeploymentFence fence, TimeProvider clock, CancellationToken cancellationToken)
    {
        await fence.EnsureHeldAsync("recording the release as started", cancellationToken);
        return new ReleaseRecorder(ledger, await ledger.StartAsync(draft, cancellationToken), fence, clock);
    }

    /// <summary>Runs one phase, records its timing and what <paramref name="record"/> takes from its result, and saves the record.</summary>
    public async Task<T> PhaseAsync<T>(string name, Func<Task<T>> phase, CancellationToken cancellationToken, Func<Release, T, Release>? record = null)
    {
        var startedAt = clock.GetUtcNow();
        CurrentPhase = name;
        var result = await phase();
        CurrentPhase = null;
        Release = Release.WithPhase(name, startedAt, clock.GetUtcNow());
        if (record is not null) Release = record(Release, result);
        await fence.EnsureHeldAsync($"recording the {name} phase", cancellationToken);
        await ledger.SaveAsync(Release, cancellationToken);
        return result;
    }

    /// <summary>Records the release as succeeded, with the stack as it left it.</summary>
    public async Task<Release> CompleteAsync(ReleaseStack? stack, CancellationToken cancellationToken)
    {
        await fence.EnsureHeldAsync("recording the release as succeeded", cancellationToken);
        return Release = await ledger.CompleteAsync(Release with { Stack = stack }, cancellationToken);
    }

    /// <summary>
    /// Records how the deploy failed. Never cancelled itself. An alarm's rollback is recorded as rolled back, with the
    /// versions it had published.
    /// </summary>
    public async Task FailAsync(Exception error)
    {
        if (error is RolloutFailedException rolledBack)
            await ledger.MarkRolledBackAsync(
                Release with { FunctionVersions = ProjectDeployment.VersionsByFunction(rolledBack.Result) }, rolledBack.Message, CancellationToken.None);
        else
            await ledger.FailAsync(Release, error, CancellationToken.None);
    }

    /// <summary>Records the deploy as cancelled: why, and what it left in flight. Never cancelled itself.</summary>
    public async Task CancelAsync(string reason, IReadOnlyList<string> leftInFlight) =>
        Release = await ledger.CancelAsync(Release, reason, leftInFlight, CancellationToken.None);
}
