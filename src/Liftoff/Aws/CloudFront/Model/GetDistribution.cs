using Amazon.Runtime;

namespace Liftoff.Aws.CloudFront.Model;

public class GetDistributionRequest : AmazonWebServiceRequest
{
    public string? Id { get; set; }
}

public class GetDistributionResponse : AmazonWebServiceResponse
{
    public Distribution? Distribution { get; set; }
    public string? ETag { get; set; }
}
