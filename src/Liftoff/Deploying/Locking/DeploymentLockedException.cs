namespace Liftoff.Deploying.Locking;

/// <summary>Another run holds the deployment lock of this project and environment, and its lease has not expired.</summary>
public sealed class DeploymentLockedException(string project, string environment, LockHolder holder) : Exception(
    $"{project} in {environment} is already being deployed by {holder.Describe()}. " +
    $"Wait for that run to finish. If it is gone, its lease expires at {LockHolder.Utc(holder.ExpiresAt)}, " +
    $"or release it now with `./build.sh Deploy --env {environment} --project {project} --force-unlock`.")
{
    public string Project { get; } = project;
    public string Environment { get; } = environment;
    public LockHolder Holder { get; } = holder;
}

/// <summary>The lease was taken over or force-unlocked while this run still worked under it.</summary>
public sealed class DeploymentLockLostException(string project, string environment) : Exception(
    $"The deployment lock of {project} in {environment} was taken by another run (or force-unlocked) while this one held it. " +
    "Stop here: the other run may be changing the same stack. Check `./build.sh Releases` before deploying again.")
{
    public string Project { get; } = project;
    public string Environment { get; } = environment;
}
