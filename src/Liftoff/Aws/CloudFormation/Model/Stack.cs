namespace Liftoff.Aws.CloudFormation.Model;

public class Stack
{
    public string? StackId { get; set; }
    public string? StackName { get; set; }
    public string? ChangeSetId { get; set; }
    public string? Description { get; set; }
    public List<Parameter> Parameters { get; set; } = [];
    public DateTime? CreationTime { get; set; }
    public DateTime? DeletionTime { get; set; }
    public DateTime? LastUpdatedTime { get; set; }
    public StackStatus? StackStatus { get; set; }
    public string? StackStatusReason { get; set; }
    public bool? DisableRollback { get; set; }
    public List<string> NotificationARNs { get; set; } = [];
    public int? TimeoutInMinutes { get; set; }
    public List<string> Capabilities { get; set; } = [];
    /// <summary>Empty in moto for stacks made through change sets; fall back to DescribeStackResources.</summary>
    public List<Output> Outputs { get; set; } = [];
    public string? RoleARN { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public bool? EnableTerminationProtection { get; set; }
    public string? ParentId { get; set; }
    public string? RootId { get; set; }
}

public class Parameter
{
    public string? ParameterKey { get; set; }
    public string? ParameterValue { get; set; }
    public bool? UsePreviousValue { get; set; }
    public string? ResolvedValue { get; set; }
}

public class Output
{
    public string? OutputKey { get; set; }
    public string? OutputValue { get; set; }
    public string? Description { get; set; }
    public string? ExportName { get; set; }
}

public class Tag
{
    public string? Key { get; set; }
    public string? Value { get; set; }
}
