using Amazon.Runtime;

namespace Liftoff.Aws.CloudFront.Model;

public class CreateInvalidationRequest : AmazonWebServiceRequest
{
    public string? DistributionId { get; set; }
    public InvalidationBatch? InvalidationBatch { get; set; }
}

public class CreateInvalidationResponse : AmazonWebServiceResponse
{
    /// <summary>The invalidation's URL (Location header).</summary>
    public string? Location { get; set; }
    public Invalidation? Invalidation { get; set; }
}
