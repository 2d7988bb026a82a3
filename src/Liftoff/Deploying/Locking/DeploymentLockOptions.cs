namespace Liftoff.Deploying.Locking;

public sealed record DeploymentLockOptions
{
    /// <summary>How long a lock outlives a run that stops renewing it (a crash, a killed CI job).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a held lock is renewed in the background; null: only when RenewAsync is called.</summary>
    public TimeSpan? RenewEvery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a run waiting for the lock (--wait-for-lock) looks again; a released lock is seen within this.</summary>
    public TimeSpan WaitPoll { get; init; } = TimeSpan.FromSeconds(5);
}
