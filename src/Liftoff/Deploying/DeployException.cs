namespace Liftoff.Deploying;

/// <summary>A deploy stopped for a reason the user can act on; the message says what, where and what to do.</summary>
public class DeployException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The environment needs approval and none was given (CI without --approve, or "no" at the prompt).</summary>
public sealed class ApprovalRequiredException(string message) : DeployException(message);

/// <summary>A stack update or create failed; CloudFormation rolled back (or could not).</summary>
public sealed class StackDeployException(string stackName, string finalStatus, StackEventRecord? firstFailure, string message)
    : DeployException(message)
{
    public string StackName { get; } = stackName;
    public string FinalStatus { get; } = finalStatus;
    public StackEventRecord? FirstFailure { get; } = firstFailure;
}
