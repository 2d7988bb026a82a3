namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>One planned change of a change set.</summary>
public class Change
{
    /// <summary>"Resource" for resource changes.</summary>
    public ChangeType? Type { get; set; }
    public ResourceChange? ResourceChange { get; set; }
}

public class ResourceChange
{
    public ChangeAction? Action { get; set; }
    public string? LogicalResourceId { get; set; }
    public string? PhysicalResourceId { get; set; }
    public string? ResourceType { get; set; }
    /// <summary>Set for Modify: whether the resource is replaced (a new physical resource).</summary>
    public Replacement? Replacement { get; set; }
    /// <summary>Which parts change: Properties, Metadata, CreationPolicy, UpdatePolicy, DeletionPolicy, Tags.</summary>
    public List<string> Scope { get; set; } = [];
}
