using System.Text;
using System.Text.Json;
using Liftoff.Configuration;
using Liftoff.Invoking;
using Liftoff.Invoking.Http;
using Liftoff.Invoking.Remote;
using Liftoff.SmokeTesting;
using Liftoff.Tests.Aws;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Liftoff.Tests.SmokeTesting;

/// <summary>
/// Invoke and SmokeTest outside the local environment, where there is no real part here: Lambda's Invoke through the
/// alias live (moto needs Docker to invoke) and an API Gateway endpoint, each a WireMock stub answering as the AWS page
/// named on the test documents.
/// </summary>
public sealed class AwsPathTests : IDisposable
{
    private const string Function = "shop-prod-lambda-api";
    private readonly StubbedAws _aws = new();
    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _aws.Dispose();
        _api.Stop();
        _http.Dispose();
    }

    private static ProjectEnvironment Project() => new()
    {
        Project = "shop", Environment = "prod", ProjectDirectory = "/repo/projects/shop", Region = "us-east-1", ArtifactBucket = "artifacts-prod",
        Tags = new Dictionary<string, string>(), StackName = "shop-prod", TemplatePath = "/repo/projects/shop/template.yaml",
        StackParameters = new Dictionary<string, string>(), TemplateParameters = [],
        Functions =
        [
            new FunctionEnvironment
            {
                Name = "api", Runtime = "nodejs22.x", Handler = "index.handler", Builder = FunctionBuilder.Node, SourceDirectory = "/repo/projects/shop/api",
                StagingDirectory = "/repo/.nuke/temp/staging/shop/api", FunctionName = Function, LogicalId = "ApiFunction", CodeKeyParameter = "ApiCodeKey",
                MemorySize = 128, Timeout = 10, Architecture = "x86_64", EnvironmentVariables = new Dictionary<string, string>(), Include = ["**/*"], Exclude = [],
            },
        ],
        Outputs = new StackOutputs(null, null, null), SmokeChecks = [], Rollout = Rollout.AllAtOnce, Alarms = [],
    };

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
    [Fact]
    public async Task Outside_local_invoke_calls_the_function_through_the_live_alias_with_the_log_tail()
    {
        var log = "START RequestId: r-1 Version: 7\n2026-01-01T00:00:00.000Z\tr-1\tINFO\tscoring\nEND RequestId: r-1\n" +
                  "REPORT RequestId: r-1\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.50 ms\n";
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/invocations").UsingPost().WithParam("Qualifier", "live"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithHeader("X-Amz-Executed-Version", "7").WithHeader("X-Amz-Log-Result", Convert.ToBase64String(Encoding.UTF8.GetBytes(log)))
                .WithBody("""{"statusCode":200,"body":"{\"verdict\":\"legit\"}"}"""));

        var result = await new LambdaInvoker(_aws.Clients.Lambda, Project()).InvokeAsync("api", """{"httpMethod":"POST"}""", CancellationToken.None);

        Assert.False(result.Failed);
        Assert.Equal("7", result.ExecutedVersion);
        Assert.Equal(12.34, result.Duration.TotalMilliseconds, 2);
        Assert.Equal(150.5, result.InitDuration!.Value.TotalMilliseconds, 2);
        Assert.Contains(result.Logs, l => l.EndsWith("\tINFO\tscoring", StringComparison.Ordinal));
        Assert.Equal("legit", JsonDocument.Parse(JsonDocument.Parse(result.Payload).RootElement.GetProperty("body").GetString()!).RootElement.GetProperty("verdict").GetString());
        Assert.Equal("""{"httpMethod":"POST"}""", Assert.Single(_aws.Requests($"/2015-03-31/functions/{Function}/invocations")).RequestMessage.Body);
    }

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (X-Amz-Function-Error)
    [Fact]
    public async Task An_invoke_check_against_aws_fails_with_the_functions_error()
    {
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/invocations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("X-Amz-Function-Error", "Unhandled")
                .WithBody("""{"errorType":"TypeError","errorMessage":"event.body is undefined","trace":["TypeError: event.body is undefined"]}"""));
        var runner = new SmokeCheckRunner(null, new LambdaInvoker(_aws.Clients.Lambda, Project()), new SmokeTestOptions(false, TimeSpan.Zero, TimeSpan.Zero));

        var check = await runner.RunAsync(new SmokeCheck { Name = "scores", Kind = SmokeCheckKind.Invoke, Function = "api" },
            DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None);

        Assert.False(check.Passed);
        Assert.Equal("the function failed: TypeError: event.body is undefined", check.Failure);
        Assert.Contains("TypeError", check.Response);
    }

    // The API's URL (the stack's ApiUrl output) answers as https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html
    // describes; right after a deploy it may answer 5xx for a moment, which is what the retries are for.
    [Fact]
    public async Task An_http_check_against_aws_is_retried_with_backoff_until_the_api_answers_as_expected()
    {
        _api.Given(Request.Create().WithPath("/prod/health").UsingGet()).InScenario("warming").WillSetStateTo("second")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"message":"Service Unavailable"}"""));
        _api.Given(Request.Create().WithPath("/prod/health").UsingGet()).InScenario("warming").WhenStateIs("second").WillSetStateTo("ready")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"status":"starting"}"""));
        _api.Given(Request.Create().WithPath("/prod/health").UsingGet().WithHeader("x-api-key", "k-1")).InScenario("warming").WhenStateIs("ready")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"status":"ok","checks":[{"db":true}]}"""));
        var api = new RemoteApi(_http, new Uri(_api.Urls[0] + "/prod"));
        var runner = new SmokeCheckRunner(api, new LambdaInvoker(_aws.Clients.Lambda, Project()),
            new SmokeTestOptions(true, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)));
        var check = new SmokeCheck
        {
            Name = "health", Path = "/health", Headers = new Dictionary<string, string> { ["x-api-key"] = "k-1" },
            Json = new Dictionary<string, string> { ["/status"] = "ok", ["/checks/0/db"] = "true" }, MaxLatencyMs = 30_000,
        };

        var result = await runner.RunAsync(check, DateTimeOffset.UtcNow.AddSeconds(30), CancellationToken.None);

        Assert.True(result.Passed, result.Failure);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(200, result.Status);
        Assert.Equal(3, _api.LogEntries.Count());
    }

    [Fact]
    public async Task Retries_stop_when_the_projects_smoke_timeout_runs_out_and_the_last_answer_is_kept()
    {
        _api.Given(Request.Create().WithPath("/prod/health").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"message":"Internal server error"}"""));
        var runner = new SmokeCheckRunner(new RemoteApi(_http, new Uri(_api.Urls[0] + "/prod")), new LambdaInvoker(_aws.Clients.Lambda, Project()),
            new SmokeTestOptions(true, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)));

        var result = await runner.RunAsync(new SmokeCheck { Name = "health", Path = "/health" }, DateTimeOffset.UtcNow.AddMilliseconds(400), CancellationToken.None);

        Assert.False(result.Passed);
        Assert.True(result.Attempts >= 2, $"{result.Attempts} attempts");
        Assert.Equal(result.Attempts, _api.LogEntries.Count());
        Assert.Equal("status 500, expected 200", result.Failure);
        Assert.Contains("Internal server error", result.Response);
    }
}
