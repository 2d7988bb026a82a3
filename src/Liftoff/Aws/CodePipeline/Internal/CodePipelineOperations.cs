using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Liftoff.Aws.CodePipeline.Model;
using Liftoff.Aws.Runtime;
using Liftoff.Aws.Runtime.Protocols;

namespace Liftoff.Aws.CodePipeline.Internal;

/// <summary>
/// CodePipeline's operations on the awsJson1_1 protocol (target prefix CodePipeline_20150709, camelCase
/// members, timestamps as epoch seconds): one marshaller and one unmarshaller each.
/// Wire format: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Operations.html
/// </summary>
internal static class CodePipelineOperations
{
    private const string Service = "Amazon.CodePipeline";
    private static readonly System.Text.Json.JsonSerializerOptions Json = AwsJson.CamelCase;

    public static readonly AwsOperation<GetPipelineRequest, GetPipelineResponse> GetPipeline = new(
        "GetPipeline",
        r => Call(r, "GetPipeline", new { r.Name, r.Version }),
        Body<GetPipelineResponse>(),
        r => r.Name);

    public static readonly AwsOperation<CreatePipelineRequest, CreatePipelineResponse> CreatePipeline = new(
        "CreatePipeline",
        r => Call(r, "CreatePipeline", new { r.Pipeline, Tags = r.Tags.Count == 0 ? null : r.Tags }),
        Body<CreatePipelineResponse>(),
        r => r.Pipeline?.Name);

    public static readonly AwsOperation<UpdatePipelineRequest, UpdatePipelineResponse> UpdatePipeline = new(
        "UpdatePipeline",
        r => Call(r, "UpdatePipeline", new { r.Pipeline }),
        Body<UpdatePipelineResponse>(),
        r => r.Pipeline?.Name);

    public static readonly AwsOperation<StartPipelineExecutionRequest, StartPipelineExecutionResponse> StartPipelineExecution = new(
        "StartPipelineExecution",
        r => Call(r, "StartPipelineExecution", new
        {
            r.Name,
            Variables = r.Variables.Count == 0 ? null : r.Variables,
            r.ClientRequestToken,
        }),
        Body<StartPipelineExecutionResponse>(),
        r => r.Name);

    public static readonly AwsOperation<GetPipelineExecutionRequest, GetPipelineExecutionResponse> GetPipelineExecution = new(
        "GetPipelineExecution",
        r => Call(r, "GetPipelineExecution", new { r.PipelineName, r.PipelineExecutionId }),
        Body<GetPipelineExecutionResponse>(),
        r => $"{r.PipelineName}/{r.PipelineExecutionId}");

    public static readonly AwsOperation<GetPipelineStateRequest, GetPipelineStateResponse> GetPipelineState = new(
        "GetPipelineState",
        r => Call(r, "GetPipelineState", new { r.Name }),
        Body<GetPipelineStateResponse>(),
        r => r.Name);

    public static readonly AwsOperation<PutApprovalResultRequest, PutApprovalResultResponse> PutApprovalResult = new(
        "PutApprovalResult",
        r => Call(r, "PutApprovalResult", new { r.PipelineName, r.StageName, r.ActionName, r.Result, r.Token }),
        Body<PutApprovalResultResponse>(),
        r => $"{r.PipelineName}/{r.StageName}/{r.ActionName}");

    private static IRequest Call(AmazonWebServiceRequest request, string operation, object body) =>
        HttpRequests.JsonRpc(request, Service, $"CodePipeline_20150709.{operation}", "1.1", body, Json);

    private static JsonResponseReader<T> Body<T>() where T : AmazonWebServiceResponse, new() =>
        JsonResponseReader<T>.Body(CodePipelineErrors.Instance, Json);
}
