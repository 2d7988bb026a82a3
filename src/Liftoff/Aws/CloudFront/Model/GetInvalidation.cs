using Amazon.Runtime;

namespace Liftoff.Aws.CloudFront.Model;

public class GetInvalidationRequest : AmazonWebServiceRequest
{
    public string? DistributionId { get; set; }
    public string? Id { get; set; }
}

public class GetInvalidationResponse : AmazonWebServiceResponse
{
    public Invalidation? Invalidation { get; set; }
}
