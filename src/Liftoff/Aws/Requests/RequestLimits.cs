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
}
