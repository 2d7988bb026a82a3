namespace Liftoff.Deploying;

/// <summary>How the caller wants the deploy run: --approve and --dry-run.</summary>
public sealed record DeployOptions(bool Approve = false, bool DryRun = false);
