using Amazon.Runtime;
using Liftoff.Aws.CloudFront.Internal;
using Liftoff.Aws.CloudFront.Model;
using Liftoff.Aws.Requests;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudFront;

/// <summary>CloudFront on AWSSDK.Core's pipeline. Create through <see cref="AwsClients"/> in Liftoff's code.</summary>
public class AmazonCloudFrontClient(AWSCredentials credentials, AmazonCloudFrontConfig config, ICallerIdentity? callerIdentity = null, RequestBudget? budget = null)
    : LiftoffServiceClient(credentials, config, CloudFrontErrors.Instance, callerIdentity, budget), IAmazonCloudFront
{
    public Task<GetDistributionResponse> GetDistributionAsync(GetDistributionRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFrontOperations.GetDistribution, request, cancellationToken);

    public Task<CreateInvalidationResponse> CreateInvalidationAsync(CreateInvalidationRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFrontOperations.CreateInvalidation, request, cancellationToken);

    public Task<GetInvalidationResponse> GetInvalidationAsync(GetInvalidationRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFrontOperations.GetInvalidation, request, cancellationToken);
}
