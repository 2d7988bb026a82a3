namespace Liftoff.Aws.Requests;

/// <summary>
/// The request budgets of the services a deploy calls. Create one per build run and hand the same
/// instance to every project's deployer, so parallel projects share one budget per service.
/// </summary>
public sealed class RequestBudgets(RequestBudget cloudFormation, RequestBudget lambda, RequestBudget cloudWatch) : IDisposable
{
    public RequestBudget CloudFormation { get; } = cloudFormation;
    public RequestBudget Lambda { get; } = lambda;
    public RequestBudget CloudWatch { get; } = cloudWatch;

    public static RequestBudgets Create(TimeProvider? time = null, Action<string>? onThrottled = null) => new(
        new RequestBudget("CloudFormation", ServiceRequestLimit.CloudFormation, time, onThrottled),
        new RequestBudget("Lambda", ServiceRequestLimit.Lambda, time, onThrottled),
        new RequestBudget("CloudWatch", ServiceRequestLimit.CloudWatch, time, onThrottled));

    public void Dispose()
    {
        CloudFormation.Dispose();
        Lambda.Dispose();
        CloudWatch.Dispose();
    }
}
