using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>One page of a stack's events, newest first.</summary>
public class DescribeStackEventsRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public string? NextToken { get; set; }
}

public class DescribeStackEventsResponse : AmazonWebServiceResponse
{
    public List<StackEvent> StackEvents { get; set; } = [];
    public string? NextToken { get; set; }
}
