namespace Liftoff.Deploying.Locking;

/// <summary>
/// Checked before every change a deploy makes (a change set created or executed, code updated, a version published,
/// an alias moved, site files uploaded or deleted, a ledger record written): it throws
/// <see cref="DeploymentLockLostException"/> once the run no longer holds its lock, so a run whose lock was taken
/// over stops before its next change. A lease is one (<see cref="DeploymentLease"/>); <see cref="DeploymentFence.None"/>
/// is for what runs without a lock (a dry run, tests of one step).
/// </summary>
/// <remarks>
/// The check and the change are two requests, so a takeover between them lets that one change through: the fence
/// narrows the window to one request, it cannot close it (no AWS API takes an S3 object as a precondition).
/// </remarks>
public interface IDeploymentFence
{
    /// <summary>Returns when this run still holds the lock; throws <see cref="DeploymentLockLostException"/> naming who took it.</summary>
    ValueTask EnsureHeldAsync(string step, CancellationToken cancellationToken);

    /// <summary>True once the lock is known lost: changes that would only tidy up (moving traffic back) must not be made.</summary>
    bool IsLost { get; }
}

public static class DeploymentFence
{
    /// <summary>No lock to check: every step may go ahead.</summary>
    public static IDeploymentFence None { get; } = new Unfenced();

    private sealed class Unfenced : IDeploymentFence
    {
        public ValueTask EnsureHeldAsync(string step, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public bool IsLost => false;
    }
}
