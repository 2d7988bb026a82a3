using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>
/// Plans a stack create or update. Always set ChangeSetType (CREATE for a new stack): without it moto
/// creates a second stack of the same name.
/// </summary>
public class CreateChangeSetRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public string? ChangeSetName { get; set; }
    public ChangeSetType? ChangeSetType { get; set; }
    public string? TemplateBody { get; set; }
    public string? TemplateURL { get; set; }
    public bool? UsePreviousTemplate { get; set; }
    public List<Parameter> Parameters { get; set; } = [];
    /// <summary>CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND.</summary>
    public List<string> Capabilities { get; set; } = [];
    public string? RoleARN { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public List<string> NotificationARNs { get; set; } = [];
    public string? Description { get; set; }
    /// <summary>Makes a retried CreateChangeSet idempotent on AWS.</summary>
    public string? ClientToken { get; set; }
    public OnStackFailure? OnStackFailure { get; set; }
}

public class CreateChangeSetResponse : AmazonWebServiceResponse
{
    /// <summary>The change set's ARN.</summary>
    public string? Id { get; set; }
    public string? StackId { get; set; }
}
