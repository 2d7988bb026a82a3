namespace Liftoff.Aws.Requests;

/// <summary>
/// The request budget of each service whose client Liftoff carries, as <see cref="AwsClients"/> builds them;
/// tests pass tighter or faster ones (<c>RequestLimits.Default with { CloudFormation = … }</c>).
/// </summary>
public sealed record RequestLimits(
    ServiceRequestLimit Lambda,
    ServiceRequestLimit CloudFormation,
    ServiceRequestLimit CloudWatch,
    ServiceRequestLimit CloudFront,
    ServiceRequestLimit CodePipeline)
{
    public static RequestLimits Default { get; } = new(
        ServiceRequestLimit.Lambda,
        ServiceRequestLimit.CloudFormation,
        ServiceRequestLimit.CloudWatch,
        ServiceRequestLimit.CloudFront,
        ServiceRequestLimit.CodePipeline);

    /// <summary>
    /// For a local AWS (moto, LocalStack): the budgets pace calls to stay within AWS's per-account rates, which an emulator
    /// on this machine does not have, so only a throttled call's retries are kept. Each project's reads (its stack, each
    /// function's alias and code) would otherwise queue behind the other projects' for no one's sake.
    /// </summary>
    public static RequestLimits Local { get; } = new(
        Unpaced(ServiceRequestLimit.Lambda),
        Unpaced(ServiceRequestLimit.CloudFormation),
        Unpaced(ServiceRequestLimit.CloudWatch),
        Unpaced(ServiceRequestLimit.CloudFront),
        Unpaced(ServiceRequestLimit.CodePipeline));

    private static ServiceRequestLimit Unpaced(ServiceRequestLimit limit) => limit with { RequestsPerSecond = 1000, Burst = 1000 };
}
