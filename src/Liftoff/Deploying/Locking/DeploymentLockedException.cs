namespace Liftoff.Deploying.Locking;

/// <summary>
/// Another run holds the deployment lock of this project and environment, and its lease has not expired. The
/// message says who, and to wait (--wait-for-lock); breaking the lock is advised only for a holder known dead.
/// </summary>
public sealed class DeploymentLockedException(string project, string environment, LockHolder holder, TimeSpan waited = default)
    : Exception(Describe(project, environment, holder, waited))
{
    public string Project { get; } = project;
    public string Environment { get; } = environment;
    public LockHolder Holder { get; } = holder;

    private static string Describe(string project, string environment, LockHolder holder, TimeSpan waited)
    {
        var command = $"./build.sh Deploy --env {environment} --project {project}";
        var dead = holder.IsDeadOnThisMachine()
            ? $" Process {holder.Owner.ProcessId} no longer runs on this machine ({holder.Owner.Host}), so that run is dead: " +
              $"take its lock over with `{command} --force-unlock`."
            : $" Use --force-unlock only if you know that run is dead (a killed job): it takes the lock from a live run too, " +
              "which then stops at its next step.";
        return $"{project} in {environment} is already being deployed by {holder.Describe()}." +
               (waited > TimeSpan.Zero ? $" Waited {LockWait.Describe(waited)} for it." : "") +
               $" Wait for that run: `{command} --wait-for-lock 15m` waits for the lock (CI does), " +
               $"and a run that is gone frees it by itself at {LockHolder.Utc(holder.ExpiresAt)}, when its lease ends." + dead;
    }
}

/// <summary>
/// Another run took the lock over (<c>--force-unlock</c>, or after this run's lease ran out) while this one still
/// worked under it. The run stops before <see cref="Step"/>, changing nothing more.
/// </summary>
public sealed class DeploymentLockLostException(string project, string environment, string step, LockHolder? takenBy) : Exception(
    $"The deployment lock of {project} in {environment} is no longer this run's: " +
    (takenBy is null
        ? "it was removed (taken over by another run that has finished since, or deleted by hand). "
        : $"{takenBy.Describe()} took it{(takenBy.Forced ? " over with --force-unlock" : "")}. ") +
    $"This run stopped before {step} and changes nothing more; the other run now deploys {project}. " +
    $"See `./build.sh Releases --env {environment} --project {project}` for what went live.")
{
    public string Project { get; } = project;
    public string Environment { get; } = environment;
    public string Step { get; } = step;
    public LockHolder? TakenBy { get; } = takenBy;
}
