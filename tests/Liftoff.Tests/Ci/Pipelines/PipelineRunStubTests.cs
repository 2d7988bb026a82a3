using System.Text.Json;
using Liftoff.Ci.Pipelines;
using Liftoff.Tests.Aws;
using Spectre.Console.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Liftoff.Tests.Ci.Pipelines;

/// <summary>
/// PipelineStart and PipelineApprove against a stub of the CodePipeline API, which the local AWS lacks for executions.
/// Answers follow the API Reference's pages: API_StartPipelineExecution.html, API_GetPipelineState.html,
/// API_GetPipelineExecution.html and API_PutApprovalResult.html (https://docs.aws.amazon.com/codepipeline/latest/APIReference/).
/// </summary>
public sealed class PipelineRunStubTests : IDisposable
{
    private const string Execution = "3137f7cb-7cf7-4c3d-9e8f-d7eu3EXAMPLE";
    private readonly StubbedAws _aws = new();
    private readonly TestConsole _console = new TestConsole().Width(200);

    public void Dispose() => _aws.Dispose();

    /// <summary>Each call of the operation gets the next answer; the last one repeats.</summary>
    private void Script(string operation, params string[] answers)
    {
        var calls = 0;
        _aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", $"CodePipeline_20150709.{operation}"))
            .RespondWith(Response.Create().WithCallback(_ => new ResponseMessage
            {
                StatusCode = 200,
                Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/x-amz-json-1.1") },
                BodyData = new BodyData { BodyAsString = answers[Math.Min(Interlocked.Increment(ref calls) - 1, answers.Length - 1)], DetectedBodyType = BodyType.String },
            }));
    }

    private static string State(params (string Stage, string Action, string Status, string? Extra)[] actions) => JsonSerializer.Serialize(new
    {
        pipelineName = "shop-prod",
        pipelineVersion = 1,
        stageStates = actions.Select(a => new
        {
            stageName = a.Stage,
            latestExecution = new { pipelineExecutionId = Execution, status = a.Status == "Abandoned" ? "Failed" : a.Status },
            actionStates = new[]
            {
                JsonSerializer.Deserialize<JsonElement>($$$"""{"actionName":"{{{a.Action}}}","latestExecution":{"status":"{{{a.Status}}}"{{{a.Extra}}}}}"""),
            },
        }),
    });

    private static string ExecutionStatus(string status) =>
        $$$"""{"pipelineExecution":{"pipelineName":"shop-prod","pipelineVersion":1,"pipelineExecutionId":"{{{Execution}}}","status":"{{{status}}}"}}""";

    [Fact]
    public async Task PipelineStart_shows_each_actions_state_as_it_changes_and_ends_with_the_pipelines_outcome()
    {
        Script("StartPipelineExecution", $$"""{"pipelineExecutionId":"{{Execution}}"}""");
        Script("GetPipelineState",
            State(("Source", "CodeCommit", "InProgress", null)),
            State(("Source", "CodeCommit", "Succeeded", null), ("Build", "TestPackageUpload", "InProgress", null)),
            State(("Source", "CodeCommit", "Succeeded", null), ("Build", "TestPackageUpload", "Succeeded", null),
                ("Approve", "ReleaseManager", "InProgress", ""","token":"1a2b3c4d-approval" """)),
            State(("Source", "CodeCommit", "Succeeded", null), ("Build", "TestPackageUpload", "Succeeded", null),
                ("Approve", "ReleaseManager", "Succeeded", null), ("Deploy", "Deploy", "Succeeded", null)));
        Script("GetPipelineExecution", ExecutionStatus("InProgress"), ExecutionStatus("InProgress"), ExecutionStatus("InProgress"), ExecutionStatus("Succeeded"));

        var id = await new PipelineRun(_aws.Clients.CodePipeline, _console, TimeSpan.Zero).StartAndFollowAsync("shop-prod", "prod", CancellationToken.None);

        Assert.Equal(Execution, id);
        var lines = _console.Output.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal(
        [
            $"Started shop-prod: execution {Execution}",
            "Source/CodeCommit: InProgress",
            "Source/CodeCommit: Succeeded",
            "Build/TestPackageUpload: InProgress",
            "Build/TestPackageUpload: Succeeded",
            "Approve/ReleaseManager: InProgress",
            "waiting for approval: ./build.sh PipelineApprove --env prod --approve (or --reject) --comment \"...\"",
            "Approve/ReleaseManager: Succeeded",
            "Deploy/Deploy: Succeeded",
            "shop-prod: Succeeded",
        ], lines);
        var start = JsonDocument.Parse(Assert.Single(_aws.Requests("CodePipeline_20150709.StartPipelineExecution")).RequestMessage.Body!).RootElement;
        Assert.Equal("shop-prod", start.GetProperty("name").GetString());
        Assert.True(Guid.TryParse(start.GetProperty("clientRequestToken").GetString(), out _));
    }

    [Fact]
    public async Task PipelineStart_fails_with_the_failed_actions_reason_when_the_pipeline_fails()
    {
        Script("StartPipelineExecution", $$"""{"pipelineExecutionId":"{{Execution}}"}""");
        Script("GetPipelineState", State(("Source", "CodeCommit", "Succeeded", null),
            ("Build", "TestPackageUpload", "Failed", ""","errorDetails":{"code":"JobFailed","message":"Build terminated with state: FAILED"}""")));
        Script("GetPipelineExecution", ExecutionStatus("Failed"));

        var error = await Assert.ThrowsAsync<PipelineFailedException>(() =>
            new PipelineRun(_aws.Clients.CodePipeline, _console, TimeSpan.Zero).StartAndFollowAsync("shop-prod", "prod", CancellationToken.None));

        Assert.Equal($"shop-prod: execution {Execution} Failed. Build/TestPackageUpload: Build terminated with state: FAILED", error.Message);
        Assert.Contains("Build/TestPackageUpload: Failed Build terminated with state: FAILED", _console.Output);
    }

    [Fact]
    public async Task PipelineApprove_answers_the_waiting_approval_with_its_token()
    {
        Script("GetPipelineState", State(("Source", "CodeCommit", "Succeeded", null), ("Build", "TestPackageUpload", "Succeeded", null),
            ("Approve", "ReleaseManager", "InProgress", ""","token":"1a2b3c4d-approval" """)));
        Script("PutApprovalResult", """{"approvedAt":1764496800}""");

        var answer = await new PipelineApproval(_aws.Clients.CodePipeline).AnswerAsync("shop-prod", approve: false, "smoke tests failed on staging", CancellationToken.None);

        Assert.Equal(new ApprovalAnswer("Approve", "ReleaseManager", "Rejected", new DateTime(2025, 11, 30, 10, 0, 0, DateTimeKind.Utc)), answer);
        var sent = JsonDocument.Parse(Assert.Single(_aws.Requests("CodePipeline_20150709.PutApprovalResult")).RequestMessage.Body!).RootElement;
        Assert.Equal("1a2b3c4d-approval", sent.GetProperty("token").GetString());
        Assert.Equal("Approve", sent.GetProperty("stageName").GetString());
        Assert.Equal("ReleaseManager", sent.GetProperty("actionName").GetString());
        Assert.Equal("Rejected", sent.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("smoke tests failed on staging", sent.GetProperty("result").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task PipelineApprove_with_nothing_waiting_says_so_and_answers_nothing()
    {
        Script("GetPipelineState", State(("Source", "CodeCommit", "Succeeded", null), ("Build", "TestPackageUpload", "InProgress", null)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new PipelineApproval(_aws.Clients.CodePipeline).AnswerAsync("shop-prod", approve: true, "ok", CancellationToken.None));

        Assert.Contains("shop-prod is waiting for no approval (stages: Source Succeeded, Build InProgress)", error.Message);
        Assert.Empty(_aws.Requests("CodePipeline_20150709.PutApprovalResult"));
    }
}
