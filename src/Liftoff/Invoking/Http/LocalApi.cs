using System.Text.Json;
using Liftoff.Aws.CloudFormation;
using Liftoff.Configuration;
using Liftoff.Releases;

namespace Liftoff.Invoking.Http;

/// <summary>
/// A deployed API served on this machine, for a local AWS that stores APIs but answers no requests: a request's
/// method and path find the route in the deployed template, the route's function runs with the proxy event of
/// the route's format, and its answer becomes the HTTP response, as API Gateway would make it.
/// </summary>
public sealed class LocalApi(DeployedApi api, IReadOnlyDictionary<string, string> functionsByLogicalId, IFunctionInvoker invoker, string stage, TimeProvider? clock = null)
    : IHttpTarget
{
    public DeployedApi Api => api;

    public string Description => $"{api.LogicalId} routed on this machine";

    /// <summary>The response, and the function's own result when a function ran.</summary>
    public async Task<(ApiResponse Response, InvocationResult? Invocation)> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var match = RouteMatcher.Match(api.Routes, request.Method, request.Path);
        if (match is null)
            // What API Gateway answers for a path and method no route has.
            return (api.Kind == ApiKind.Rest
                ? ApiResponse.Json(403, """{"message":"Missing Authentication Token"}""")
                : ApiResponse.Json(404, """{"message":"Not Found"}"""), null);
        var route = match.Route;
        if (route.Unsupported is not null)
            throw new InvokeException($"{api.LogicalId}'s route {route.RouteKey} cannot be served locally: {route.Unsupported}.");
        var function = FunctionOf(route)
            ?? throw new InvokeException(
                $"{api.LogicalId}'s route {route.RouteKey} calls {route.FunctionLogicalId ?? route.FunctionName ?? "a function the template does not name"}, " +
                $"which is not one of the project's functions ({string.Join(", ", functionsByLogicalId.Values)}).");

        var requestId = Guid.NewGuid().ToString();
        var @event = ProxyEvents.For(match, request, stage, (clock ?? TimeProvider.System).GetUtcNow(), requestId);
        var result = await invoker.InvokeAsync(function, @event.ToJsonString(), cancellationToken);
        return (ProxyResponses.From(route, result), result);
    }

    private string? FunctionOf(ApiRoute route) =>
        route.FunctionLogicalId is { } id ? functionsByLogicalId.GetValueOrDefault(id) : null;

    /// <summary>
    /// The project's API as deployed: the one its apiUrl output falls back to (outputs.apiUrl.resource), or the
    /// template's only API.
    /// </summary>
    public static async Task<(LocalApi Api, string? Note)> LoadAsync(
        IAmazonCloudFormation cloudFormation, ProjectEnvironment project, Release? live, IFunctionInvoker invoker, CancellationToken cancellationToken)
    {
        var template = await DeployedTemplate.ReadAsync(cloudFormation, project.StackName, live, cancellationToken);
        var resources = TemplateResources.Parse(template.Body);
        var apis = ApiRoutes.Read(resources);
        var wanted = project.Outputs.ApiUrl?.LogicalId;
        var api = wanted is not null
            ? apis.FirstOrDefault(a => a.LogicalId == wanted)
              ?? throw new InvokeException($"outputs.apiUrl of {project.Project} names the resource {wanted}, which is not an API in stack {project.StackName} (APIs: {Names(apis)}).")
            : apis.Count == 1
                ? apis[0]
                : throw new InvokeException(apis.Count == 0
                    ? $"Stack {project.StackName} has no API Gateway API (AWS::ApiGateway::RestApi or AWS::ApiGatewayV2::Api) to route requests to."
                    : $"Stack {project.StackName} has {apis.Count} APIs ({Names(apis)}): name the one smoke checks call in project.yaml, outputs.apiUrl.resource.");
        var byLogicalId = project.Functions.ToDictionary(f => f.LogicalId, f => f.Name, StringComparer.Ordinal);
        // A route naming a function by a literal ARN: match it by the function's name.
        var routes = api.Routes.Select(r => r.FunctionLogicalId is null && r.FunctionName is { } name &&
                                            project.Functions.FirstOrDefault(f => f.FunctionName == name) is { } f
            ? r with { FunctionLogicalId = f.LogicalId }
            : r).ToList();
        var stage = api.Kind == ApiKind.Rest ? project.Environment : "$default";
        return (new LocalApi(api with { Routes = routes }, byLogicalId, invoker, stage), template.Note);
    }

    private static string Names(IReadOnlyList<DeployedApi> apis) => string.Join(", ", apis.Select(a => a.LogicalId));
}
