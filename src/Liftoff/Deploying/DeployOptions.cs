namespace Liftoff.Deploying;

/// <summary>
/// How the caller wants the deploy run: --dry-run (show the change set and planned rollout, change nothing),
/// --force (deploy even when the last release has the same inputs and AWS matches it), --force-unlock (take each
/// project's deployment lock over first, even from a live run) and --wait-for-lock (wait that long for a held lock
/// instead of failing at once). --approve lives in <see cref="ApprovalGate"/>.
/// </summary>
public sealed record DeployOptions(bool DryRun = false, bool Force = false, bool ForceUnlock = false, TimeSpan WaitForLock = default);
