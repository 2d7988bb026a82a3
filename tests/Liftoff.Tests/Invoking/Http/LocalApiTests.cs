using System.Text.Json;
using Liftoff.Invoking;
using Liftoff.Invoking.Http;
using Liftoff.Invoking.Local;
using Liftoff.Packaging;
using Liftoff.Tests.Packaging;

namespace Liftoff.Tests.Invoking.Http;

/// <summary>
/// Requests served by a real node handler through a deployed API's routes: the proxy event of the route's format
/// goes in, the handler's answer comes out as API Gateway would send it.
/// </summary>
public sealed class LocalApiTests : IDisposable
{
    private readonly TempTree _code = new();

    public void Dispose() => _code.Dispose();

    /// <summary>Runs the code folder's index.handler for every function: a real process per request.</summary>
    private sealed class CodeFolderInvoker(string root) : IFunctionInvoker
    {
        private readonly LocalFunctionRunner _runner = new(new LambdaRuntimeCache(LambdaRuntimeCache.DefaultDirectory, TextWriter.Null));

        public Task<InvokedFunction> DescribeAsync(string function, CancellationToken cancellationToken) =>
            Task.FromResult(new InvokedFunction(function, function, "1", "local"));

        public Task<InvocationResult> InvokeAsync(string function, string eventJson, CancellationToken cancellationToken) =>
            _runner.InvokeAsync(new LocalFunction(
                new LambdaEnvironment(function, "us-east-1", "nodejs22.x", "index.handler", 128, new Dictionary<string, string>()),
                root, TimeSpan.FromSeconds(5), $"arn:aws:lambda:us-east-1:123456789012:function:{function}:live"), eventJson, cancellationToken);
    }

    private LocalApi Api(string template, string stage) =>
        new(Assert.Single(ApiRoutes.Read(TemplateResources.Parse(template))), new Dictionary<string, string> { ["Fn"] = "api" },
            new CodeFolderInvoker(_code.Root), stage);

    private const string RestTemplate = """
        Resources:
          Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: shop } }
          Fn: { Type: AWS::Lambda::Function, Properties: { FunctionName: shop-api } }
          Users: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: users } }
          User: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !Ref Users, PathPart: "{id}" } }
          UserAny:
            Type: AWS::ApiGateway::Method
            Properties: { RestApiId: !Ref Api, ResourceId: !Ref User, HttpMethod: ANY, Integration: { Type: AWS_PROXY, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}:live/invocations" } }
        """;

    [Fact]
    public async Task A_rest_route_sends_a_format_1_event_and_returns_the_handlers_status_headers_and_body()
    {
        _code.File("index.js", """
            exports.handler = async (event) => ({
              statusCode: 201,
              headers: { 'content-type': 'application/json', 'x-seen': event.headers['X-Trace'] },
              multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
              body: JSON.stringify({ resource: event.resource, path: event.path, method: event.httpMethod, id: event.pathParameters.id,
                tags: event.multiValueQueryStringParameters.tag, body: JSON.parse(event.body), stage: event.requestContext.stage }),
            });
            """);
        var api = Api(RestTemplate, "local");

        var (response, invocation) = await api.SendAsync(
            new ApiRequest("PUT", "/users/42?tag=a&tag=b", new Dictionary<string, string> { ["X-Trace"] = "t-1" }, """{"name":"ada"}"""), CancellationToken.None);

        Assert.False(invocation!.Failed, invocation.Payload);
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("t-1", response.Header("x-seen"));
        Assert.Equal("a=1, b=2", response.Header("set-cookie"));
        var body = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("/users/{id}", body.GetProperty("resource").GetString());
        Assert.Equal("/users/42", body.GetProperty("path").GetString());
        Assert.Equal("PUT", body.GetProperty("method").GetString());
        Assert.Equal("42", body.GetProperty("id").GetString());
        Assert.Equal(["a", "b"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("ada", body.GetProperty("body").GetProperty("name").GetString());
        Assert.Equal("local", body.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_rest_api_answers_an_unknown_route_with_403_and_a_failed_function_with_502_as_api_gateway_does()
    {
        _code.File("index.js", "exports.handler = async () => { throw new Error('boom'); };\n");
        var api = Api(RestTemplate, "local");

        var (unknown, none) = await api.SendAsync(new ApiRequest("GET", "/orders"), CancellationToken.None);
        var (failed, invocation) = await api.SendAsync(new ApiRequest("GET", "/users/1"), CancellationToken.None);

        Assert.Equal(403, unknown.StatusCode);
        Assert.Contains("Missing Authentication Token", unknown.Body);
        Assert.Null(none);
        Assert.Equal(502, failed.StatusCode);
        Assert.Contains("Internal server error", failed.Body);
        Assert.Equal("boom", invocation!.Error!.ErrorMessage);
    }

    [Fact]
    public async Task An_http_api_route_sends_a_format_2_event_and_takes_a_bare_result_as_a_200_json_body()
    {
        _code.File("index.js", """
            exports.handler = async (event) => ({ version: event.version, routeKey: event.routeKey, rawPath: event.rawPath,
              method: event.requestContext.http.method, cookies: event.cookies, header: event.headers['x-trace'], id: event.pathParameters.id });
            """);
        var api = Api("""
            Resources:
              Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: shop, ProtocolType: HTTP } }
              Fn: { Type: AWS::Lambda::Function, Properties: { FunctionName: shop-api } }
              Integration: { Type: AWS::ApiGatewayV2::Integration, Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn } }
              Route: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: "GET /items/{id}", Target: !Sub "integrations/${Integration}" } }
            """, "$default");

        var (response, _) = await api.SendAsync(
            new ApiRequest("GET", "/items/9", new Dictionary<string, string> { ["X-Trace"] = "t-2", ["Cookie"] = "a=1; b=2" }), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.Header("content-type"));
        var body = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("2.0", body.GetProperty("version").GetString());
        Assert.Equal("GET /items/{id}", body.GetProperty("routeKey").GetString());
        Assert.Equal("/items/9", body.GetProperty("rawPath").GetString());
        Assert.Equal("GET", body.GetProperty("method").GetString());
        Assert.Equal(["a=1", "b=2"], body.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("t-2", body.GetProperty("header").GetString());
        Assert.Equal("9", body.GetProperty("id").GetString());
        var (missing, _) = await api.SendAsync(new ApiRequest("GET", "/nothing"), CancellationToken.None);
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public void Format_1_needs_a_status_code_and_format_2_takes_a_bare_string_as_its_body()
    {
        var rest = new ApiRoute("Api", ApiKind.Rest, "GET", "/", "1.0", "Fn");
        var http = new ApiRoute("Api", ApiKind.Http, "GET", "/", "2.0", "Fn");
        InvocationResult Answer(string payload) => new() { Payload = payload, RequestId = "r" };

        Assert.Equal(502, ProxyResponses.From(rest, Answer("\"hello\"")).StatusCode);
        var bare = ProxyResponses.From(http, Answer("\"hello\""));
        Assert.Equal((200, "hello"), (bare.StatusCode, bare.Body));
        var encoded = ProxyResponses.From(rest, Answer("""{"statusCode":200,"body":"aGk=","isBase64Encoded":true}"""));
        Assert.Equal("hi", encoded.Body);
        Assert.Equal(500, ProxyResponses.From(http, Answer("{}") with { FunctionError = "Unhandled" }).StatusCode);
    }
}
