using System.Xml.Linq;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Runtime.Protocols;

namespace Liftoff.Aws.CloudFormation.Internal;

/// <summary>Reads CloudFormation's structures from its awsQuery XML answers.</summary>
internal static class CloudFormationXml
{
    public static Stack Stack(XElement e) => new()
    {
        StackId = e.Text("StackId"),
        StackName = e.Text("StackName"),
        ChangeSetId = e.Text("ChangeSetId"),
        Description = e.Text("Description"),
        Parameters = e.Members("Parameters").Select(Parameter).ToList(),
        CreationTime = e.Date("CreationTime"),
        DeletionTime = e.Date("DeletionTime"),
        LastUpdatedTime = e.Date("LastUpdatedTime"),
        StackStatus = e.Text("StackStatus") is { } status ? StackStatus.FindValue(status) : null,
        StackStatusReason = e.Text("StackStatusReason"),
        DisableRollback = e.Bool("DisableRollback"),
        NotificationARNs = e.Strings("NotificationARNs"),
        TimeoutInMinutes = e.Int("TimeoutInMinutes"),
        Capabilities = e.Strings("Capabilities"),
        Outputs = e.Members("Outputs").Select(o => new Output
        {
            OutputKey = o.Text("OutputKey"),
            OutputValue = o.Text("OutputValue"),
            Description = o.Text("Description"),
            ExportName = o.Text("ExportName"),
        }).ToList(),
        RoleARN = e.Text("RoleARN"),
        Tags = e.Members("Tags").Select(Tag).ToList(),
        EnableTerminationProtection = e.Bool("EnableTerminationProtection"),
        ParentId = e.Text("ParentId"),
        RootId = e.Text("RootId"),
    };

    public static StackEvent StackEvent(XElement e) => new()
    {
        StackId = e.Text("StackId"),
        EventId = e.Text("EventId"),
        StackName = e.Text("StackName"),
        LogicalResourceId = e.Text("LogicalResourceId"),
        PhysicalResourceId = e.Text("PhysicalResourceId"),
        ResourceType = e.Text("ResourceType"),
        Timestamp = e.Date("Timestamp"),
        ResourceStatus = e.Text("ResourceStatus") is { } status ? ResourceStatus.FindValue(status) : null,
        ResourceStatusReason = e.Text("ResourceStatusReason"),
        ResourceProperties = e.Text("ResourceProperties"),
        ClientRequestToken = e.Text("ClientRequestToken"),
    };

    public static StackResource StackResource(XElement e) => new()
    {
        StackName = e.Text("StackName"),
        StackId = e.Text("StackId"),
        LogicalResourceId = e.Text("LogicalResourceId"),
        PhysicalResourceId = e.Text("PhysicalResourceId"),
        ResourceType = e.Text("ResourceType"),
        Timestamp = e.Date("Timestamp"),
        ResourceStatus = e.Text("ResourceStatus") is { } status ? ResourceStatus.FindValue(status) : null,
        ResourceStatusReason = e.Text("ResourceStatusReason"),
        Description = e.Text("Description"),
    };

    public static Change Change(XElement e) => new()
    {
        Type = e.Text("Type") is { } type ? ChangeType.FindValue(type) : null,
        ResourceChange = e.Child("ResourceChange") is { } rc
            ? new ResourceChange
            {
                Action = rc.Text("Action") is { } action ? ChangeAction.FindValue(action) : null,
                LogicalResourceId = rc.Text("LogicalResourceId"),
                PhysicalResourceId = rc.Text("PhysicalResourceId"),
                ResourceType = rc.Text("ResourceType"),
                Replacement = rc.Text("Replacement") is { Length: > 0 } replacement ? Replacement.FindValue(replacement) : null,
                Scope = rc.Strings("Scope"),
            }
            : null,
    };

    public static Parameter Parameter(XElement e) => new()
    {
        ParameterKey = e.Text("ParameterKey"),
        ParameterValue = e.Text("ParameterValue"),
        UsePreviousValue = e.Bool("UsePreviousValue"),
        ResolvedValue = e.Text("ResolvedValue"),
    };

    public static Tag Tag(XElement e) => new() { Key = e.Text("Key"), Value = e.Text("Value") };
}
