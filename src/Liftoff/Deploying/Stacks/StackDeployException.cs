namespace Liftoff.Deploying.Stacks;

/// <summary>A stack update or create failed; CloudFormation rolled back (or could not).</summary>
public sealed class StackDeployException(string stackName, string finalStatus, StackEventRecord? firstFailure, string message)
    : DeployException(message)
{
    public string StackName { get; } = stackName;
    public string FinalStatus { get; } = finalStatus;
    public StackEventRecord? FirstFailure { get; } = firstFailure;
}
