namespace Liftoff.Deploying.RollingBack;

/// <summary>A rollback that cannot be done as asked (nothing to return to, an unknown release, a template not kept); nothing was changed.</summary>
public sealed class RollbackException(string message, Exception? inner = null) : DeployException(message, inner);
