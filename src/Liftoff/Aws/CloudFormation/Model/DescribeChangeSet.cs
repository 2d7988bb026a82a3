using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>
/// A change set's status and one page of its changes. Changes page with NextToken: callers loop while
/// NextToken is set (the official SDK has no paginator for this operation either).
/// </summary>
public class DescribeChangeSetRequest : AmazonWebServiceRequest
{
    /// <summary>Name (with StackName) or ARN.</summary>
    public string? ChangeSetName { get; set; }
    public string? StackName { get; set; }
    public string? NextToken { get; set; }
}

public class DescribeChangeSetResponse : AmazonWebServiceResponse
{
    public string? ChangeSetName { get; set; }
    public string? ChangeSetId { get; set; }
    public string? StackId { get; set; }
    public string? StackName { get; set; }
    public string? Description { get; set; }
    public List<Parameter> Parameters { get; set; } = [];
    public DateTime? CreationTime { get; set; }
    public ExecutionStatus? ExecutionStatus { get; set; }
    public ChangeSetStatus? Status { get; set; }
    /// <summary>Why the change set FAILED, e.g. "The submitted information didn't contain changes…".</summary>
    public string? StatusReason { get; set; }
    public List<string> NotificationARNs { get; set; } = [];
    public List<string> Capabilities { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<Change> Changes { get; set; } = [];
    public string? NextToken { get; set; }
}
