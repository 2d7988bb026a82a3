using System.Text.Json;
using Liftoff.Aws.CodePipeline.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Liftoff.Tests.Aws;

/// <summary>
/// CodePipeline executions and approvals, which moto does not implement: a stub serves the awsJson1_1
/// wire format of the CodePipeline API Reference (the page named on each test).
/// </summary>
public sealed class CodePipelineExecutionStubTests : IDisposable
{
    private readonly StubbedAws _aws = new();

    public void Dispose() => _aws.Dispose();

    private void Answer(string operation, string json, int status = 200, string requestId = "4d1a1e8a-req") =>
        _aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", $"CodePipeline_20150709.{operation}"))
            .RespondWith(Response.Create().WithStatusCode(status)
                .WithHeader("Content-Type", "application/x-amz-json-1.1").WithHeader("x-amzn-RequestId", requestId).WithBody(json));

    private JsonElement Sent(string operation)
    {
        var request = Assert.Single(_aws.Requests($"CodePipeline_20150709.{operation}"));
        Assert.Equal("application/x-amz-json-1.1", request.RequestMessage.Headers!["Content-Type"].Single());
        Assert.Contains("/codepipeline/aws4_request", request.RequestMessage.Headers["Authorization"].Single());
        return JsonDocument.Parse(request.RequestMessage.Body!).RootElement;
    }

    // Wire format: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html
    [Fact]
    public async Task StartPipelineExecution_follows_API_StartPipelineExecution_html()
    {
        Answer("StartPipelineExecution", """{"pipelineExecutionId":"3137f7cb-7cf7-039j-s83l-d7eu3EXAMPLE"}""");

        var started = await _aws.Clients.CodePipeline.StartPipelineExecutionAsync(new StartPipelineExecutionRequest
        {
            Name = "cards-release", ClientRequestToken = "deploy-42",
            Variables = { new PipelineVariable { Name = "Version", Value = "1.4.0" } },
        });

        Assert.Equal("3137f7cb-7cf7-039j-s83l-d7eu3EXAMPLE", started.PipelineExecutionId);
        Assert.Equal("4d1a1e8a-req", started.ResponseMetadata.RequestId);
        var sent = Sent("StartPipelineExecution");
        Assert.Equal("cards-release", sent.GetProperty("name").GetString());
        Assert.Equal("deploy-42", sent.GetProperty("clientRequestToken").GetString());
        Assert.Equal("1.4.0", sent.GetProperty("variables")[0].GetProperty("value").GetString());
    }

    // Wire format: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipelineExecution.html
    [Fact]
    public async Task GetPipelineExecution_follows_API_GetPipelineExecution_html()
    {
        Answer("GetPipelineExecution", """
            {"pipelineExecution":{"pipelineName":"cards-release","pipelineVersion":3,
             "pipelineExecutionId":"3137f7cb-7cf7-039j-s83l-d7eu3EXAMPLE","status":"InProgress","statusSummary":"waiting for approval",
             "artifactRevisions":[{"name":"release","revisionId":"abc123","revisionSummary":"Add cards","created":1700000000.5}],
             "trigger":{"triggerType":"StartPipelineExecution","triggerDetail":"arn:aws:iam::123456789012:user/release"},
             "executionMode":"SUPERSEDED","executionType":"STANDARD"}}
            """);

        var execution = (await _aws.Clients.CodePipeline.GetPipelineExecutionAsync(new GetPipelineExecutionRequest
        {
            PipelineName = "cards-release", PipelineExecutionId = "3137f7cb-7cf7-039j-s83l-d7eu3EXAMPLE",
        })).PipelineExecution!;

        Assert.Equal(PipelineExecutionStatus.InProgress, execution.Status);
        Assert.Equal(3, execution.PipelineVersion);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), execution.ArtifactRevisions.Single().Created);
        Assert.Equal(TriggerType.StartPipelineExecution, execution.Trigger!.TriggerType);
        Assert.Equal("3137f7cb-7cf7-039j-s83l-d7eu3EXAMPLE", Sent("GetPipelineExecution").GetProperty("pipelineExecutionId").GetString());
    }

    // Wire format: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipelineState.html and API_PutApprovalResult.html
    [Fact]
    public async Task An_approval_token_from_API_GetPipelineState_html_is_answered_per_API_PutApprovalResult_html()
    {
        Answer("GetPipelineState", """
            {"pipelineName":"cards-release","pipelineVersion":3,"created":1700000000,"updated":1700000100,
             "stageStates":[
               {"stageName":"Source","latestExecution":{"pipelineExecutionId":"e-1","status":"Succeeded"},
                "actionStates":[{"actionName":"Artifact","latestExecution":{"status":"Succeeded","lastStatusChange":1700000050}}]},
               {"stageName":"Approve","inboundTransitionState":{"enabled":true},
                "latestExecution":{"pipelineExecutionId":"e-1","status":"InProgress"},
                "actionStates":[{"actionName":"ReleaseManager","latestExecution":{"actionExecutionId":"a-7","status":"InProgress",
                  "token":"1a2b3c4d-573f-4ea7-a67E-XAMPLETOKEN","lastStatusChange":1700000090}}]}]}
            """);
        Answer("PutApprovalResult", """{"approvedAt":1700000200}""");

        var state = await _aws.Clients.CodePipeline.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "cards-release" });
        var approval = state.StageStates.Single(s => s.StageName == "Approve").ActionStates.Single();
        var approved = await _aws.Clients.CodePipeline.PutApprovalResultAsync(new PutApprovalResultRequest
        {
            PipelineName = "cards-release", StageName = "Approve", ActionName = approval.ActionName,
            Result = new ApprovalResult { Status = ApprovalStatus.Approved, Summary = "smoke tests passed" },
            Token = approval.LatestExecution!.Token,
        });

        Assert.Equal(ActionExecutionStatus.InProgress, approval.LatestExecution.Status);
        Assert.Equal(StageExecutionStatus.Succeeded, state.StageStates[0].LatestExecution!.Status);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1700000200), approved.ApprovedAt);
        var sent = Sent("PutApprovalResult");
        Assert.Equal("1a2b3c4d-573f-4ea7-a67E-XAMPLETOKEN", sent.GetProperty("token").GetString());
        Assert.Equal("Approved", sent.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("ReleaseManager", sent.GetProperty("actionName").GetString());
    }

    // Wire format: https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PutApprovalResult.html (Errors)
    [Fact]
    public async Task An_approval_already_decided_is_the_typed_error_of_API_PutApprovalResult_html()
    {
        Answer("PutApprovalResult", """{"__type":"ApprovalAlreadyCompletedException","message":"The approval action has already been approved or rejected."}""",
            status: 400, requestId: "req-approved");

        var error = await Assert.ThrowsAsync<ApprovalAlreadyCompletedException>(() => _aws.Clients.CodePipeline.PutApprovalResultAsync(new PutApprovalResultRequest
        {
            PipelineName = "cards-release", StageName = "Approve", ActionName = "ReleaseManager", Token = "t",
            Result = new ApprovalResult { Status = ApprovalStatus.Rejected, Summary = "no" },
        }));

        Assert.Equal("ApprovalAlreadyCompletedException", error.ErrorCode);
        Assert.Equal("The approval action has already been approved or rejected.", error.Message);
        Assert.Equal("req-approved", error.RequestId);
    }
}
