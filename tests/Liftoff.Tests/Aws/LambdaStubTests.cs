using System.Text;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Liftoff.Tests.Aws;

/// <summary>
/// Lambda behaviour moto cannot show: Invoke (needs Docker there), updates that stay in progress or
/// fail, and paged version lists. A stub serves the restJson1 wire format of the Lambda API Reference
/// (the page named on each test).
/// </summary>
public sealed class LambdaStubTests : IDisposable
{
    private const string Function = "cards-dev-lambda-api";
    private readonly StubbedAws _aws = new();

    public void Dispose() => _aws.Dispose();

    private static IResponseBuilder Json(string body, int status = 200) => Response.Create().WithStatusCode(status)
        .WithHeader("Content-Type", "application/json").WithHeader("x-amzn-RequestId", "lambda-req-1").WithBody(body);

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
    [Fact]
    public async Task Invoke_follows_API_Invoke_html()
    {
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/invocations").UsingPost().WithParam("Qualifier", "live"))
            .RespondWith(Json("""{"statusCode":200,"body":"ok"}""")
                .WithHeader("X-Amz-Executed-Version", "7")
                .WithHeader("X-Amz-Log-Result", Convert.ToBase64String(Encoding.UTF8.GetBytes("START RequestId: 1\nEND"))));

        var response = await _aws.Clients.Lambda.InvokeAsync(new InvokeRequest
        {
            FunctionName = Function, Qualifier = "live", InvocationType = InvocationType.RequestResponse, LogType = LogType.Tail,
            Payload = """{"path":"/health"}""",
        });

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.FunctionError);
        Assert.Equal("7", response.ExecutedVersion);
        Assert.Equal("""{"statusCode":200,"body":"ok"}""", Encoding.UTF8.GetString(response.Payload.ToArray()));
        Assert.StartsWith("START", Encoding.UTF8.GetString(Convert.FromBase64String(response.LogResult!)));
        var sent = Assert.Single(_aws.Requests($"/2015-03-31/functions/{Function}/invocations")).RequestMessage;
        Assert.Equal("""{"path":"/health"}""", sent.Body);
        Assert.Equal("RequestResponse", sent.Headers!["X-Amz-Invocation-Type"].Single());
        Assert.Equal("Tail", sent.Headers["X-Amz-Log-Type"].Single());
        Assert.Contains("/lambda/aws4_request", sent.Headers["Authorization"].Single());
    }

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (X-Amz-Function-Error)
    [Fact]
    public async Task A_function_that_throws_is_reported_in_FunctionError_per_API_Invoke_html()
    {
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/invocations").UsingPost())
            .RespondWith(Json("""{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined"}""")
                .WithHeader("X-Amz-Function-Error", "Unhandled"));

        var response = await _aws.Clients.Lambda.InvokeAsync(new InvokeRequest { FunctionName = Function, Payload = "{}" });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Unhandled", response.FunctionError);
        Assert.Contains("TypeError", Encoding.UTF8.GetString(response.Payload.ToArray()));
    }

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (Errors: TooManyRequestsException, 429)
    [Fact]
    public async Task A_throttled_invoke_is_a_typed_error_read_from_X_Amzn_ErrorType()
    {
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/invocations").UsingPost())
            .RespondWith(Json("""{"Type":"User","Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","message":"Rate Exceeded."}""", 429)
                .WithHeader("X-Amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/coral/com.amazon.coral.service/"));
        var error = await Assert.ThrowsAsync<TooManyRequestsException>(() => _aws.Clients.Lambda.InvokeAsync(new InvokeRequest { FunctionName = Function }));

        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal("Rate Exceeded.", error.Message);
        Assert.Equal("lambda-req-1", error.RequestId);
        // A throttle is retried by the SDK (standard mode, with Liftoff's minimum of 6 retries) before it surfaces.
        Assert.Equal(Liftoff.Aws.AwsClients.MinimumRetries + 1, _aws.Requests($"/2015-03-31/functions/{Function}/invocations").Count);
    }

    private void ConfigurationSequence(params string[] bodies)
    {
        // null is the scenario's state before its first step.
        for (var i = 0; i < bodies.Length; i++)
            _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/configuration").UsingGet())
                .InScenario("update").WhenStateIs(i == 0 ? null! : $"step{i}").WillSetStateTo($"step{i + 1}")
                .RespondWith(Json(bodies[i]));
    }

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html
    [Fact]
    public async Task The_waiter_polls_API_GetFunctionConfiguration_html_until_the_update_succeeded()
    {
        ConfigurationSequence(
            $$"""{"FunctionName":"{{Function}}","State":"Active","LastUpdateStatus":"InProgress","RevisionId":"r1"}""",
            $$"""{"FunctionName":"{{Function}}","State":"Active","LastUpdateStatus":"InProgress","RevisionId":"r1"}""",
            $$"""{"FunctionName":"{{Function}}","State":"Active","LastUpdateStatus":"Successful","RevisionId":"r2","CodeSha256":"abc="}""");

        var settled = await _aws.Clients.Lambda.WaitUntilFunctionUpdatedAsync(Function, CancellationToken.None,
            options: new FunctionWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) });

        Assert.Equal("r2", settled.RevisionId);
        Assert.Equal(3, _aws.Requests($"/2015-03-31/functions/{Function}/configuration").Count);
    }

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html (LastUpdateStatusReason)
    [Fact]
    public async Task The_waiter_reports_Lambdas_reason_when_the_update_failed()
    {
        ConfigurationSequence(
            $$"""{"FunctionName":"{{Function}}","State":"Active","LastUpdateStatus":"InProgress"}""",
            $$"""{"FunctionName":"{{Function}}","State":"Active","LastUpdateStatus":"Failed","LastUpdateStatusReason":"The role defined for the function cannot be assumed by Lambda.","LastUpdateStatusReasonCode":"InvalidConfiguration"}""");

        var error = await Assert.ThrowsAsync<FunctionUpdateFailedException>(() => _aws.Clients.Lambda.WaitUntilFunctionUpdatedAsync(
            Function, CancellationToken.None, options: new FunctionWaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) }));

        Assert.Equal("The role defined for the function cannot be assumed by Lambda.", error.Reason);
        Assert.Equal("InvalidConfiguration", error.ReasonCode);
        Assert.Contains(Function, error.Message);
    }

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html
    [Fact]
    public async Task The_waiter_gives_up_after_its_timeout()
    {
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/configuration").UsingGet())
            .RespondWith(Json($$"""{"FunctionName":"{{Function}}","State":"Pending","LastUpdateStatus":"InProgress"}"""));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _aws.Clients.Lambda.WaitUntilFunctionUpdatedAsync(Function, CancellationToken.None,
            options: new FunctionWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(100) }));

        Assert.Contains("still updating", error.Message);
    }

    // Wire format: https://docs.aws.amazon.com/lambda/latest/api/API_ListVersionsByFunction.html
    [Fact]
    public async Task The_versions_paginator_follows_NextMarker_per_API_ListVersionsByFunction_html()
    {
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/versions").UsingGet().WithParam("Marker", "page2"))
            .RespondWith(Json("""{"Versions":[{"Version":"2"}]}"""));
        _aws.Server.Given(Request.Create().WithPath($"/2015-03-31/functions/{Function}/versions").UsingGet()
                .WithParam("Marker", WireMock.Matchers.MatchBehaviour.RejectOnMatch))
            .RespondWith(Json("""{"Versions":[{"Version":"$LATEST"},{"Version":"1"}],"NextMarker":"page2"}"""));

        var paginator = _aws.Clients.Lambda.Paginators.ListVersionsByFunction(new ListVersionsByFunctionRequest { FunctionName = Function, MaxItems = 2 });
        var versions = new List<string>();
        await foreach (var version in paginator.Versions)
            versions.Add(version.Version!);
        var pages = 0;
        await foreach (var _ in paginator.Responses)
            pages++;

        Assert.Equal(["$LATEST", "1", "2"], versions);
        Assert.Equal(2, pages);
        Assert.All(_aws.Requests($"/2015-03-31/functions/{Function}/versions"), r => Assert.Equal("2", r.RequestMessage.Query!["MaxItems"].Single()));
    }
}
