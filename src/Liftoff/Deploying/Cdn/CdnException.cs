namespace Liftoff.Deploying.Cdn;

/// <summary>An invalidation could not be made or did not finish in time; the message says what and what to do.</summary>
public sealed class CdnException(string message, Exception? inner = null) : DeployException(message, inner);
