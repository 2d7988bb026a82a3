using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>A stack (by name or id), or one page of all stacks. A missing stack is a ValidationError.</summary>
public class DescribeStacksRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public string? NextToken { get; set; }
}

public class DescribeStacksResponse : AmazonWebServiceResponse
{
    public List<Stack> Stacks { get; set; } = [];
    public string? NextToken { get; set; }
}
