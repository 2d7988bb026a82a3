using Liftoff.Deploying.Code;
using Liftoff.Releases;

namespace Liftoff.Deploying;

/// <summary>
/// The ledger record of one deploy while it runs: each phase's timing and results are added as it ends, and the
/// record is finished whatever happens — succeeded, rolled back by an alarm, or failed (Ctrl-C included).
/// </summary>
internal sealed class ReleaseRecorder(ReleaseLedger ledger, Release started, TimeProvider clock)
{
    public Release Release { get; private set; } = started;

    /// <summary>Runs one phase and records its timing, then what <paramref name="record"/> takes from its result.</summary>
    public async Task<T> PhaseAsync<T>(string name, Func<Task<T>> phase, Func<Release, T, Release>? record = null)
    {
        var startedAt = clock.GetUtcNow();
        var result = await phase();
        Release = Release.WithPhase(name, startedAt, clock.GetUtcNow());
        if (record is not null) Release = record(Release, result);
        return result;
    }

    public async Task<Release> CompleteAsync(CancellationToken cancellationToken) =>
        Release = await ledger.CompleteAsync(Release, cancellationToken);

    /// <summary>
    /// Records how the deploy stopped. Never cancelled itself: after Ctrl-C the record must still say so.
    /// An alarm's rollback is recorded as rolled back, with the versions it had published.
    /// </summary>
    public async Task FailAsync(Exception error)
    {
        if (error is RolloutFailedException rolledBack)
            await ledger.MarkRolledBackAsync(
                Release with { FunctionVersions = ProjectDeployment.VersionsByFunction(rolledBack.Result) }, rolledBack.Message, CancellationToken.None);
        else
            await ledger.FailAsync(Release, error, CancellationToken.None);
    }
}
