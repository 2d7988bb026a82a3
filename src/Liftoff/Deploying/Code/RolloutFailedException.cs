namespace Liftoff.Deploying.Code;

/// <summary>An alarm (or a failure) stopped the rollout; traffic went back to the previous versions.</summary>
public sealed class RolloutFailedException(string message, RolloutResult result, Exception? inner = null) : DeployException(message, inner)
{
    public RolloutResult Result { get; } = result;
}
