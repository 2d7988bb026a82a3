using Amazon.Runtime;
using Liftoff.Aws.CodePipeline.Internal;
using Liftoff.Aws.CodePipeline.Model;
using Liftoff.Aws.Requests;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CodePipeline;

/// <summary>CodePipeline on AWSSDK.Core's pipeline. Create through <see cref="AwsClients"/> in Liftoff's code.</summary>
public class AmazonCodePipelineClient(AWSCredentials credentials, AmazonCodePipelineConfig config, ICallerIdentity? callerIdentity = null, RequestBudget? budget = null)
    : LiftoffServiceClient(credentials, config, CodePipelineErrors.Instance, callerIdentity, budget), IAmazonCodePipeline
{
    public Task<GetPipelineResponse> GetPipelineAsync(GetPipelineRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CodePipelineOperations.GetPipeline, request, cancellationToken);

    public Task<CreatePipelineResponse> CreatePipelineAsync(CreatePipelineRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CodePipelineOperations.CreatePipeline, request, cancellationToken);

    public Task<UpdatePipelineResponse> UpdatePipelineAsync(UpdatePipelineRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CodePipelineOperations.UpdatePipeline, request, cancellationToken);

    public Task<StartPipelineExecutionResponse> StartPipelineExecutionAsync(StartPipelineExecutionRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CodePipelineOperations.StartPipelineExecution, request, cancellationToken);

    public Task<GetPipelineExecutionResponse> GetPipelineExecutionAsync(GetPipelineExecutionRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CodePipelineOperations.GetPipelineExecution, request, cancellationToken);

    public Task<GetPipelineStateResponse> GetPipelineStateAsync(GetPipelineStateRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CodePipelineOperations.GetPipelineState, request, cancellationToken);

    public Task<PutApprovalResultResponse> PutApprovalResultAsync(PutApprovalResultRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(CodePipelineOperations.PutApprovalResult, request, cancellationToken);
}
