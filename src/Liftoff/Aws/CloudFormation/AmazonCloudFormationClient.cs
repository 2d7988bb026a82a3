using Amazon.Runtime;
using Liftoff.Aws.CloudFormation.Internal;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Requests;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudFormation;

/// <summary>CloudFormation on AWSSDK.Core's pipeline. Create through <see cref="AwsClients"/> in Liftoff's code.</summary>
public class AmazonCloudFormationClient : LiftoffServiceClient, IAmazonCloudFormation
{
    public AmazonCloudFormationClient(AWSCredentials credentials, AmazonCloudFormationConfig config, ICallerIdentity? callerIdentity = null, RequestBudget? budget = null)
        : base(credentials, config, CloudFormationErrors.Instance, callerIdentity, budget)
    {
        Paginators = new CloudFormationPaginatorFactory(this);
    }

    public ICloudFormationPaginatorFactory Paginators { get; }

    public Task<CreateChangeSetResponse> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.CreateChangeSet, request, cancellationToken);

    public Task<DescribeChangeSetResponse> DescribeChangeSetAsync(DescribeChangeSetRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.DescribeChangeSet, request, cancellationToken);

    public Task<ExecuteChangeSetResponse> ExecuteChangeSetAsync(ExecuteChangeSetRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.ExecuteChangeSet, request, cancellationToken);

    public Task<DeleteChangeSetResponse> DeleteChangeSetAsync(DeleteChangeSetRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.DeleteChangeSet, request, cancellationToken);

    public Task<DescribeStacksResponse> DescribeStacksAsync(DescribeStacksRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.DescribeStacks, request, cancellationToken);

    public Task<DescribeStackEventsResponse> DescribeStackEventsAsync(DescribeStackEventsRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.DescribeStackEvents, request, cancellationToken);

    public Task<DescribeStackResourcesResponse> DescribeStackResourcesAsync(DescribeStackResourcesRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.DescribeStackResources, request, cancellationToken);

    public Task<GetTemplateResponse> GetTemplateAsync(GetTemplateRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.GetTemplate, request, cancellationToken);

    public Task<ValidateTemplateResponse> ValidateTemplateAsync(ValidateTemplateRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.ValidateTemplate, request, cancellationToken);

    public Task<UpdateTerminationProtectionResponse> UpdateTerminationProtectionAsync(UpdateTerminationProtectionRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.UpdateTerminationProtection, request, cancellationToken);

    public Task<DeleteStackResponse> DeleteStackAsync(DeleteStackRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.DeleteStack, request, cancellationToken);

    public Task<ContinueUpdateRollbackResponse> ContinueUpdateRollbackAsync(ContinueUpdateRollbackRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CloudFormationOperations.ContinueUpdateRollback, request, cancellationToken);
}
