using System.Xml.Linq;
using Amazon.Runtime;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Runtime;
using Liftoff.Aws.Runtime.Protocols;
using static Liftoff.Aws.CloudFormation.Internal.CloudFormationXml;

namespace Liftoff.Aws.CloudFormation.Internal;

/// <summary>
/// CloudFormation's operations on the awsQuery protocol (API 2010-05-15): one marshaller and one unmarshaller each.
/// Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_Operations.html
/// </summary>
internal static class CloudFormationOperations
{
    private const string Service = "Amazon.CloudFormation";

    public static readonly AwsOperation<CreateChangeSetRequest, CreateChangeSetResponse> CreateChangeSet = new(
        "CreateChangeSet",
        r => Query(r, "CreateChangeSet", q => q
            .Add("StackName", r.StackName)
            .Add("ChangeSetName", r.ChangeSetName)
            .Add("ChangeSetType", r.ChangeSetType)
            .Add("TemplateBody", r.TemplateBody)
            .Add("TemplateURL", r.TemplateURL)
            .Add("UsePreviousTemplate", r.UsePreviousTemplate)
            .AddList("Parameters", r.Parameters, (p, key) => q
                .Add(key("ParameterKey"), p.ParameterKey)
                .Add(key("ParameterValue"), p.ParameterValue)
                .Add(key("UsePreviousValue"), p.UsePreviousValue)
                .Add(key("ResolvedValue"), p.ResolvedValue))
            .AddList("Capabilities", r.Capabilities)
            .Add("RoleARN", r.RoleARN)
            .AddList("Tags", r.Tags, (t, key) => q.Add(key("Key"), t.Key).Add(key("Value"), t.Value))
            .AddList("NotificationARNs", r.NotificationARNs)
            .Add("Description", r.Description)
            .Add("ClientToken", r.ClientToken)
            .Add("OnStackFailure", r.OnStackFailure)),
        Result(x => new CreateChangeSetResponse { Id = x.Text("Id"), StackId = x.Text("StackId") }),
        r => r.StackName);

    public static readonly AwsOperation<DescribeChangeSetRequest, DescribeChangeSetResponse> DescribeChangeSet = new(
        "DescribeChangeSet",
        r => Query(r, "DescribeChangeSet", q => q
            .Add("ChangeSetName", r.ChangeSetName).Add("StackName", r.StackName).Add("NextToken", r.NextToken)),
        Result(x => new DescribeChangeSetResponse
        {
            ChangeSetName = x.Text("ChangeSetName"),
            ChangeSetId = x.Text("ChangeSetId"),
            StackId = x.Text("StackId"),
            StackName = x.Text("StackName"),
            Description = x.Text("Description"),
            Parameters = x.Members("Parameters").Select(Parameter).ToList(),
            CreationTime = x.Date("CreationTime"),
            ExecutionStatus = x.Text("ExecutionStatus") is { } execution ? ExecutionStatus.FindValue(execution) : null,
            Status = x.Text("Status") is { } status ? ChangeSetStatus.FindValue(status) : null,
            StatusReason = x.Text("StatusReason"),
            NotificationARNs = x.Strings("NotificationARNs"),
            Capabilities = x.Strings("Capabilities"),
            Tags = x.Members("Tags").Select(Tag).ToList(),
            Changes = x.Members("Changes").Select(Change).ToList(),
            NextToken = x.Text("NextToken"),
        }),
        r => ChangeSetOf(r.StackName, r.ChangeSetName));

    public static readonly AwsOperation<ExecuteChangeSetRequest, ExecuteChangeSetResponse> ExecuteChangeSet = new(
        "ExecuteChangeSet",
        r => Query(r, "ExecuteChangeSet", q => q
            .Add("ChangeSetName", r.ChangeSetName).Add("StackName", r.StackName)
            .Add("ClientRequestToken", r.ClientRequestToken).Add("DisableRollback", r.DisableRollback)),
        Result(_ => new ExecuteChangeSetResponse()),
        r => ChangeSetOf(r.StackName, r.ChangeSetName));

    public static readonly AwsOperation<DeleteChangeSetRequest, DeleteChangeSetResponse> DeleteChangeSet = new(
        "DeleteChangeSet",
        r => Query(r, "DeleteChangeSet", q => q.Add("ChangeSetName", r.ChangeSetName).Add("StackName", r.StackName)),
        Result(_ => new DeleteChangeSetResponse()),
        r => ChangeSetOf(r.StackName, r.ChangeSetName));

    public static readonly AwsOperation<DescribeStacksRequest, DescribeStacksResponse> DescribeStacks = new(
        "DescribeStacks",
        r => Query(r, "DescribeStacks", q => q.Add("StackName", r.StackName).Add("NextToken", r.NextToken)),
        Result(x => new DescribeStacksResponse
        {
            Stacks = x.Members("Stacks").Select(Stack).ToList(),
            NextToken = x.Text("NextToken"),
        }),
        r => r.StackName);

    public static readonly AwsOperation<DescribeStackEventsRequest, DescribeStackEventsResponse> DescribeStackEvents = new(
        "DescribeStackEvents",
        r => Query(r, "DescribeStackEvents", q => q.Add("StackName", r.StackName).Add("NextToken", r.NextToken)),
        Result(x => new DescribeStackEventsResponse
        {
            StackEvents = x.Members("StackEvents").Select(StackEvent).ToList(),
            NextToken = x.Text("NextToken"),
        }),
        r => r.StackName);

    public static readonly AwsOperation<DescribeStackResourcesRequest, DescribeStackResourcesResponse> DescribeStackResources = new(
        "DescribeStackResources",
        r => Query(r, "DescribeStackResources", q => q
            .Add("StackName", r.StackName).Add("LogicalResourceId", r.LogicalResourceId).Add("PhysicalResourceId", r.PhysicalResourceId)),
        Result(x => new DescribeStackResourcesResponse { StackResources = x.Members("StackResources").Select(StackResource).ToList() }),
        r => r.StackName ?? r.PhysicalResourceId);

    public static readonly AwsOperation<GetTemplateRequest, GetTemplateResponse> GetTemplate = new(
        "GetTemplate",
        r => Query(r, "GetTemplate", q => q
            .Add("StackName", r.StackName).Add("ChangeSetName", r.ChangeSetName).Add("TemplateStage", r.TemplateStage)),
        Result(x => new GetTemplateResponse { TemplateBody = x.Text("TemplateBody"), StagesAvailable = x.Strings("StagesAvailable") }),
        r => r.StackName);

    public static readonly AwsOperation<ValidateTemplateRequest, ValidateTemplateResponse> ValidateTemplate = new(
        "ValidateTemplate",
        r => Query(r, "ValidateTemplate", q => q.Add("TemplateBody", r.TemplateBody).Add("TemplateURL", r.TemplateURL)),
        Result(x => new ValidateTemplateResponse
        {
            Parameters = x.Members("Parameters").Select(p => new TemplateParameter
            {
                ParameterKey = p.Text("ParameterKey"),
                DefaultValue = p.Text("DefaultValue"),
                NoEcho = p.Bool("NoEcho"),
                Description = p.Text("Description"),
            }).ToList(),
            Description = x.Text("Description"),
            Capabilities = x.Strings("Capabilities"),
            CapabilitiesReason = x.Text("CapabilitiesReason"),
            DeclaredTransforms = x.Strings("DeclaredTransforms"),
        }),
        r => r.TemplateURL);

    public static readonly AwsOperation<UpdateTerminationProtectionRequest, UpdateTerminationProtectionResponse> UpdateTerminationProtection = new(
        "UpdateTerminationProtection",
        r => Query(r, "UpdateTerminationProtection", q => q
            .Add("StackName", r.StackName).Add("EnableTerminationProtection", r.EnableTerminationProtection)),
        Result(x => new UpdateTerminationProtectionResponse { StackId = x.Text("StackId") }),
        r => r.StackName);

    public static readonly AwsOperation<DeleteStackRequest, DeleteStackResponse> DeleteStack = new(
        "DeleteStack",
        r => Query(r, "DeleteStack", q => q
            .Add("StackName", r.StackName).AddList("RetainResources", r.RetainResources)
            .Add("RoleARN", r.RoleARN).Add("ClientRequestToken", r.ClientRequestToken)),
        Result(_ => new DeleteStackResponse()),
        r => r.StackName);

    public static readonly AwsOperation<ContinueUpdateRollbackRequest, ContinueUpdateRollbackResponse> ContinueUpdateRollback = new(
        "ContinueUpdateRollback",
        r => Query(r, "ContinueUpdateRollback", q => q
            .Add("StackName", r.StackName).Add("RoleARN", r.RoleARN)
            .AddList("ResourcesToSkip", r.ResourcesToSkip).Add("ClientRequestToken", r.ClientRequestToken)),
        Result(_ => new ContinueUpdateRollbackResponse()),
        r => r.StackName);

    private static Amazon.Runtime.Internal.IRequest Query(AmazonWebServiceRequest request, string action, Action<QueryRequests> write) =>
        QueryRequests.Create(request, Service, action, AmazonCloudFormationConfig.Definition.ApiVersion, write);

    private static XmlResponseReader<T> Result<T>(Func<XElement, T> read) where T : AmazonWebServiceResponse, new() =>
        XmlResponseReader<T>.Query(CloudFormationErrors.Instance, read);

    private static string? ChangeSetOf(string? stack, string? changeSet) =>
        changeSet is not null && changeSet.StartsWith("arn:", StringComparison.Ordinal) ? changeSet : $"{stack}/{changeSet}";
}
