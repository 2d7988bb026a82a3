namespace Liftoff.Deploying.Requests;

/// <summary>
/// The request budgets of the services a deploy calls. Create one per build run and hand the same
/// instance to every project's deployer, so parallel projects share one budget per service.
/// </summary>
public sealed class DeployGates(AwsRequestGate cloudFormation, AwsRequestGate lambda, AwsRequestGate cloudWatch) : IDisposable
{
    public AwsRequestGate CloudFormation { get; } = cloudFormation;
    public AwsRequestGate Lambda { get; } = lambda;
    public AwsRequestGate CloudWatch { get; } = cloudWatch;

    public static DeployGates Create(TimeProvider? time = null, Action<string>? onThrottled = null) => new(
        new AwsRequestGate("CloudFormation", ServiceRequestLimit.CloudFormation, time, onThrottled),
        new AwsRequestGate("Lambda", ServiceRequestLimit.Lambda, time, onThrottled),
        new AwsRequestGate("CloudWatch", ServiceRequestLimit.CloudWatch, time, onThrottled));

    public void Dispose()
    {
        CloudFormation.Dispose();
        Lambda.Dispose();
        CloudWatch.Dispose();
    }
}
