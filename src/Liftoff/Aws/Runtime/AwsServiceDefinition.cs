namespace Liftoff.Aws.Runtime;

/// <summary>
/// What the SDK needs to know about one AWS service to sign and route a request, as the official
/// generated config classes hard-code it.
/// </summary>
/// <param name="ServiceId">The SDK service id; AWS_ENDPOINT_URL_&lt;SERVICE&gt; is derived from it by the SDK.</param>
/// <param name="SigningName">The SigV4 scope name: AWS (and moto) pick the service from it.</param>
/// <param name="EndpointPrefix">Host prefix of the regional endpoint (`lambda` → lambda.eu-west-1.amazonaws.com).</param>
/// <param name="ApiVersion">The service's API version (Query protocols send it; REST paths embed it).</param>
/// <param name="IsGlobal">One endpoint for the partition, signed for its first region (CloudFront: us-east-1).</param>
/// <param name="IamPrefix">The prefix of the service's IAM actions when it is not the signing name (CloudWatch signs as monitoring, authorises as cloudwatch).</param>
public sealed record AwsServiceDefinition(
    string ServiceId,
    string SigningName,
    string EndpointPrefix,
    string ApiVersion,
    bool IsGlobal = false,
    string? IamPrefix = null)
{
    public string IamActionPrefix => IamPrefix ?? SigningName;
}
