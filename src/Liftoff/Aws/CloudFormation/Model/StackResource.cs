namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>A resource of a stack: its template logical id and the physical id AWS gave it.</summary>
public class StackResource
{
    public string? StackName { get; set; }
    public string? StackId { get; set; }
    public string? LogicalResourceId { get; set; }
    public string? PhysicalResourceId { get; set; }
    public string? ResourceType { get; set; }
    public DateTime? Timestamp { get; set; }
    public ResourceStatus? ResourceStatus { get; set; }
    public string? ResourceStatusReason { get; set; }
    public string? Description { get; set; }
}
