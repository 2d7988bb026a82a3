using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>
/// A stack's resources (up to 100; not paged). Liftoff reads logical id → physical id from here when a
/// stack has no outputs (moto after change sets).
/// </summary>
public class DescribeStackResourcesRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public string? LogicalResourceId { get; set; }
    public string? PhysicalResourceId { get; set; }
}

public class DescribeStackResourcesResponse : AmazonWebServiceResponse
{
    public List<StackResource> StackResources { get; set; } = [];
}
