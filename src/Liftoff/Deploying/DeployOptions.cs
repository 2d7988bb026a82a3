namespace Liftoff.Deploying;

/// <summary>
/// How the caller wants the deploy run: --dry-run (show the change set and planned rollout, change nothing),
/// --force (deploy even when the last release has the same inputs) and --force-unlock (remove a stale
/// deployment lock of each project first). --approve lives in <see cref="ApprovalGate"/>.
/// </summary>
public sealed record DeployOptions(bool DryRun = false, bool Force = false, bool ForceUnlock = false);
