namespace Liftoff.Deploying;

/// <summary>A deploy stopped for a reason the user can act on; the message says what, where and what to do.</summary>
public class DeployException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The environment needs approval and none was given (CI without --approve, or "no" at the prompt).</summary>
public sealed class ApprovalRequiredException(string message) : DeployException(message);
