namespace Liftoff.Aws.Requests;

/// <summary>How fast one operation of a service may be called, and how throttling is retried.</summary>
public sealed record ServiceRequestLimit(
    double RequestsPerSecond,
    int Burst,
    TimeSpan ThrottleBaseDelay,
    TimeSpan ThrottleMaxDelay,
    int MaxThrottleRetries = int.MaxValue)
{
    /// <summary>
    /// Lambda's control plane allows 15 requests a second per API (GetFunction 100); stay below it so
    /// a run leaves room for the console and other tools working on the same account.
    /// </summary>
    public static ServiceRequestLimit Lambda { get; } =
        new(RequestsPerSecond: 10, Burst: 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

    /// <summary>
    /// CloudFormation publishes no per-API rate and throttles Describe* calls under load ("Rate exceeded");
    /// AWS's advice is to poll gently and back off. A few requests a second per operation is ample.
    /// </summary>
    public static ServiceRequestLimit CloudFormation { get; } =
        new(RequestsPerSecond: 4, Burst: 4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    /// <summary>CloudWatch DescribeAlarms: polled a few times a minute per deploy.</summary>
    public static ServiceRequestLimit CloudWatch { get; } =
        new(RequestsPerSecond: 5, Burst: 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

    /// <summary>
    /// CloudFront's control plane is one global endpoint and throttles bursts ("Rate exceeded"); an
    /// invalidation per release and its status polls need a few requests a second at most.
    /// </summary>
    public static ServiceRequestLimit CloudFront { get; } =
        new(RequestsPerSecond: 2, Burst: 4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

    /// <summary>CodePipeline: a release starts an execution and polls its state; a few requests a second is ample.</summary>
    public static ServiceRequestLimit CodePipeline { get; } =
        new(RequestsPerSecond: 5, Burst: 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
}
