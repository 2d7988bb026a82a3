using Liftoff.Aws.CloudFront.Model;

namespace Liftoff.Aws.CloudFront;

/// <summary>
/// The CloudFront operations Liftoff uses, named and shaped like the official AWSSDK.CloudFront client
/// so that it can replace this one without touching callers.
/// </summary>
public interface IAmazonCloudFront : IDisposable
{
    Task<GetDistributionResponse> GetDistributionAsync(GetDistributionRequest request, CancellationToken cancellationToken = default);

    Task<CreateInvalidationResponse> CreateInvalidationAsync(CreateInvalidationRequest request, CancellationToken cancellationToken = default);

    Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request, CancellationToken cancellationToken = default);

    Task<GetInvalidationResponse> GetInvalidationAsync(GetInvalidationRequest request, CancellationToken cancellationToken = default);
}
