// TEMPORARY: the SDK-shaped client interfaces the deploy code is written against, until the AWS clients
// (owner: aws helper, CONTRACTS.md) land on main. Delete this file at that merge and adapt to their members.
using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation
{
    using Liftoff.Aws.CloudFormation.Model;
    public class AmazonCloudFormationException(string message, string errorCode, HttpStatusCode status)
        : AmazonServiceException(message, ErrorType.Sender, errorCode, "pending", status);

    public interface IAmazonCloudFormation
    {
        Task<CreateChangeSetResponse> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default);
        Task<DescribeChangeSetResponse> DescribeChangeSetAsync(DescribeChangeSetRequest request, CancellationToken cancellationToken = default);
        Task<ExecuteChangeSetResponse> ExecuteChangeSetAsync(ExecuteChangeSetRequest request, CancellationToken cancellationToken = default);
        Task<DeleteChangeSetResponse> DeleteChangeSetAsync(DeleteChangeSetRequest request, CancellationToken cancellationToken = default);
        Task<DescribeStacksResponse> DescribeStacksAsync(DescribeStacksRequest request, CancellationToken cancellationToken = default);
        Task<DescribeStackEventsResponse> DescribeStackEventsAsync(DescribeStackEventsRequest request, CancellationToken cancellationToken = default);
        Task<DescribeStackResourcesResponse> DescribeStackResourcesAsync(DescribeStackResourcesRequest request, CancellationToken cancellationToken = default);
        Task<GetTemplateResponse> GetTemplateAsync(GetTemplateRequest request, CancellationToken cancellationToken = default);
        Task<UpdateTerminationProtectionResponse> UpdateTerminationProtectionAsync(UpdateTerminationProtectionRequest request, CancellationToken cancellationToken = default);
        Task<DeleteStackResponse> DeleteStackAsync(DeleteStackRequest request, CancellationToken cancellationToken = default);
    }

}

namespace Liftoff.Aws.CloudFormation.Model
{
    public class Parameter { public string? ParameterKey { get; set; } public string? ParameterValue { get; set; } }
    public class Tag { public string? Key { get; set; } public string? Value { get; set; } }
    public class Output { public string? OutputKey { get; set; } public string? OutputValue { get; set; } }

    public class CreateChangeSetRequest
    {
        public string? StackName { get; set; }
        public string? ChangeSetName { get; set; }
        public string? ChangeSetType { get; set; }
        public string? TemplateBody { get; set; }
        public string? TemplateURL { get; set; }
        public List<Parameter>? Parameters { get; set; }
        public List<Tag>? Tags { get; set; }
        public List<string>? Capabilities { get; set; }
        public string? Description { get; set; }
    }
    public class CreateChangeSetResponse { public string? Id { get; set; } public string? StackId { get; set; } }

    public class DescribeChangeSetRequest { public string? StackName { get; set; } public string? ChangeSetName { get; set; } public string? NextToken { get; set; } }
    public class DescribeChangeSetResponse
    {
        public string? ChangeSetId { get; set; }
        public string? Status { get; set; }
        public string? StatusReason { get; set; }
        public string? ExecutionStatus { get; set; }
        public List<Change>? Changes { get; set; }
        public string? NextToken { get; set; }
    }
    public class Change { public string? Type { get; set; } public ResourceChange? ResourceChange { get; set; } }
    public class ResourceChange
    {
        public string? Action { get; set; }
        public string? LogicalResourceId { get; set; }
        public string? PhysicalResourceId { get; set; }
        public string? ResourceType { get; set; }
        public string? Replacement { get; set; }
    }

    public class ExecuteChangeSetRequest { public string? StackName { get; set; } public string? ChangeSetName { get; set; } }
    public class ExecuteChangeSetResponse { }
    public class DeleteChangeSetRequest { public string? StackName { get; set; } public string? ChangeSetName { get; set; } }
    public class DeleteChangeSetResponse { }

    public class DescribeStacksRequest { public string? StackName { get; set; } public string? NextToken { get; set; } }
    public class DescribeStacksResponse { public List<Stack>? Stacks { get; set; } }
    public class Stack
    {
        public string? StackId { get; set; }
        public string? StackName { get; set; }
        public string? StackStatus { get; set; }
        public string? StackStatusReason { get; set; }
        public List<Output>? Outputs { get; set; }
        public List<Parameter>? Parameters { get; set; }
        public bool? EnableTerminationProtection { get; set; }
    }

    public class DescribeStackEventsRequest { public string? StackName { get; set; } public string? NextToken { get; set; } }
    public class DescribeStackEventsResponse { public List<StackEvent>? StackEvents { get; set; } public string? NextToken { get; set; } }
    public class StackEvent
    {
        public string? EventId { get; set; }
        public string? StackName { get; set; }
        public string? LogicalResourceId { get; set; }
        public string? PhysicalResourceId { get; set; }
        public string? ResourceType { get; set; }
        public string? ResourceStatus { get; set; }
        public string? ResourceStatusReason { get; set; }
        public DateTime? Timestamp { get; set; }
    }

    public class DescribeStackResourcesRequest { public string? StackName { get; set; } }
    public class DescribeStackResourcesResponse { public List<StackResource>? StackResources { get; set; } }
    public class StackResource
    {
        public string? LogicalResourceId { get; set; }
        public string? PhysicalResourceId { get; set; }
        public string? ResourceType { get; set; }
        public string? ResourceStatus { get; set; }
    }

    public class GetTemplateRequest { public string? StackName { get; set; } }
    public class GetTemplateResponse { public string? TemplateBody { get; set; } }
    public class UpdateTerminationProtectionRequest { public string? StackName { get; set; } public bool? EnableTerminationProtection { get; set; } }
    public class UpdateTerminationProtectionResponse { }
    public class DeleteStackRequest { public string? StackName { get; set; } }
    public class DeleteStackResponse { }
}

namespace Liftoff.Aws.Lambda
{
    using Liftoff.Aws.Lambda.Model;
    public class AmazonLambdaException(string message, string errorCode, HttpStatusCode status)
        : AmazonServiceException(message, ErrorType.Sender, errorCode, "pending", status);

    public interface IAmazonLambda
    {
        Task<GetFunctionConfigurationResponse> GetFunctionConfigurationAsync(GetFunctionConfigurationRequest request, CancellationToken cancellationToken = default);
        Task<UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default);
        Task<PublishVersionResponse> PublishVersionAsync(PublishVersionRequest request, CancellationToken cancellationToken = default);
        Task<GetAliasResponse> GetAliasAsync(GetAliasRequest request, CancellationToken cancellationToken = default);
        Task<CreateAliasResponse> CreateAliasAsync(CreateAliasRequest request, CancellationToken cancellationToken = default);
        Task<UpdateAliasResponse> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken = default);
    }

}

namespace Liftoff.Aws.Lambda.Model
{
    public class GetFunctionConfigurationRequest { public string? FunctionName { get; set; } public string? Qualifier { get; set; } }
    public class GetFunctionConfigurationResponse
    {
        public string? FunctionName { get; set; }
        public string? CodeSha256 { get; set; }
        public string? Version { get; set; }
        public string? State { get; set; }
        public string? StateReason { get; set; }
        public string? LastUpdateStatus { get; set; }
        public string? LastUpdateStatusReason { get; set; }
        public string? RevisionId { get; set; }
    }
    public class UpdateFunctionCodeRequest
    {
        public string? FunctionName { get; set; }
        public string? S3Bucket { get; set; }
        public string? S3Key { get; set; }
        public string? RevisionId { get; set; }
    }
    public class UpdateFunctionCodeResponse : GetFunctionConfigurationResponse { }
    public class PublishVersionRequest { public string? FunctionName { get; set; } public string? CodeSha256 { get; set; } public string? Description { get; set; } }
    public class PublishVersionResponse : GetFunctionConfigurationResponse { }
    public class AliasRoutingConfiguration { public Dictionary<string, double>? AdditionalVersionWeights { get; set; } }
    public class GetAliasRequest { public string? FunctionName { get; set; } public string? Name { get; set; } }
    public class GetAliasResponse
    {
        public string? AliasArn { get; set; }
        public string? Name { get; set; }
        public string? FunctionVersion { get; set; }
        public AliasRoutingConfiguration? RoutingConfig { get; set; }
    }
    public class CreateAliasRequest
    {
        public string? FunctionName { get; set; }
        public string? Name { get; set; }
        public string? FunctionVersion { get; set; }
        public string? Description { get; set; }
        public AliasRoutingConfiguration? RoutingConfig { get; set; }
    }
    public class CreateAliasResponse : GetAliasResponse { }
    public class UpdateAliasRequest
    {
        public string? FunctionName { get; set; }
        public string? Name { get; set; }
        public string? FunctionVersion { get; set; }
        public AliasRoutingConfiguration? RoutingConfig { get; set; }
    }
    public class UpdateAliasResponse : GetAliasResponse { }
}

namespace Liftoff.Aws.CloudWatch
{
    using Liftoff.Aws.CloudWatch.Model;
    public interface IAmazonCloudWatch
    {
        Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default);
    }
}

namespace Liftoff.Aws.CloudWatch.Model
{
    public class DescribeAlarmsRequest { public List<string>? AlarmNames { get; set; } public string? NextToken { get; set; } }
    public class DescribeAlarmsResponse { public List<MetricAlarm>? MetricAlarms { get; set; } public string? NextToken { get; set; } }
    public class MetricAlarm { public string? AlarmName { get; set; } public string? StateValue { get; set; } public string? StateReason { get; set; } }
}
