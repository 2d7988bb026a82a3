using YamlDotNet.RepresentationModel;

namespace Liftoff.Invoking.Http;

/// <summary>
/// The APIs of a deployed template and their routes to Lambda proxy integrations, from both shapes a template
/// can give them: resources (AWS::ApiGateway::Resource and Method; AWS::ApiGatewayV2::Route and Integration; an
/// HTTP API's quick-create Target) and an inline OpenAPI Body (<see cref="OpenApiRoutes"/>), which is what
/// aws-sam-translator makes of SAM's Api and HttpApi events.
/// </summary>
public static class ApiRoutes
{
    public const string RestApiType = "AWS::ApiGateway::RestApi";
    public const string HttpApiType = "AWS::ApiGatewayV2::Api";

    public static IReadOnlyList<DeployedApi> Read(TemplateResources template)
    {
        var apis = new List<DeployedApi>();
        foreach (var api in template.OfType(RestApiType))
            apis.Add(new DeployedApi(api.LogicalId, ApiKind.Rest, [.. RestRoutes(template, api), .. OpenApiRoutes.Read(template, api, ApiKind.Rest)]));
        foreach (var api in template.OfType(HttpApiType).Where(a => a.Text("ProtocolType") is null or "HTTP"))
            apis.Add(new DeployedApi(api.LogicalId, ApiKind.Http,
                [.. HttpRoutes(template, api), .. OpenApiRoutes.Read(template, api, ApiKind.Http), .. QuickCreateRoute(template, api)]));
        return apis;
    }

    private static IEnumerable<ApiRoute> RestRoutes(TemplateResources template, TemplateResource api)
    {
        foreach (var method in template.OfType("AWS::ApiGateway::Method").Where(m => BelongsTo(template, m, "RestApiId", api)))
        {
            if (ResourcePath(template, method.Property("ResourceId"), api, depth: 0) is not { } path) continue;
            var verb = (method.Text("HttpMethod") ?? "ANY").ToUpperInvariant();
            var integration = method.Property("Integration") as YamlMappingNode;
            var type = Text(integration, "Type")?.ToUpperInvariant();
            if (type != "AWS_PROXY")
            {
                yield return new ApiRoute(api.LogicalId, ApiKind.Rest, verb, path, "1.0", null,
                    Unsupported: $"its integration is {type ?? "missing"}, not a Lambda proxy (AWS_PROXY)");
                continue;
            }
            var (logicalId, name) = IntegrationTarget.Of(template, Child(integration, "Uri"));
            yield return new ApiRoute(api.LogicalId, ApiKind.Rest, verb, path, "1.0", logicalId, name);
        }
    }

    /// <summary>The path of a REST resource: its parents' path parts joined, "/" for the API's root resource.</summary>
    private static string? ResourcePath(TemplateResources template, YamlNode? reference, TemplateResource api, int depth)
    {
        if (reference is null || depth > 64) return null;
        var target = template.ReferencedBy(reference).FirstOrDefault();
        if (target is null) return null;
        if (target.LogicalId == api.LogicalId) return "/"; // !GetAtt Api.RootResourceId
        if (target.Type != "AWS::ApiGateway::Resource" || target.Text("PathPart") is not { } part) return null;
        var parent = ResourcePath(template, target.Property("ParentId"), api, depth + 1);
        return parent is null ? null : parent.TrimEnd('/') + "/" + part;
    }

    private static IEnumerable<ApiRoute> HttpRoutes(TemplateResources template, TemplateResource api)
    {
        foreach (var route in template.OfType("AWS::ApiGatewayV2::Route").Where(r => BelongsTo(template, r, "ApiId", api)))
        {
            if (route.Text("RouteKey") is not { } key) continue;
            var (method, path) = SplitRouteKey(key);
            var integration = route.Property("Target") is { } target
                ? template.ReferencedBy(target).FirstOrDefault(r => r.Type == "AWS::ApiGatewayV2::Integration")
                : null;
            if (integration is null)
            {
                yield return new ApiRoute(api.LogicalId, ApiKind.Http, method, path, "2.0", null, Unsupported: "it has no integration target");
                continue;
            }
            var type = integration.Text("IntegrationType")?.ToUpperInvariant();
            var format = integration.Text("PayloadFormatVersion") ?? "2.0";
            if (type != "AWS_PROXY")
            {
                yield return new ApiRoute(api.LogicalId, ApiKind.Http, method, path, format, null,
                    Unsupported: $"its integration is {type ?? "missing"}, not a Lambda proxy (AWS_PROXY)");
                continue;
            }
            var (logicalId, name) = IntegrationTarget.Of(template, integration.Property("IntegrationUri"));
            yield return new ApiRoute(api.LogicalId, ApiKind.Http, method, path, format, logicalId, name);
        }
    }

    /// <summary>An HTTP API made with Target (quick create) sends every request to that function, format 2.0.</summary>
    private static IEnumerable<ApiRoute> QuickCreateRoute(TemplateResources template, TemplateResource api)
    {
        if (api.Property("Target") is not { } target) yield break;
        var (logicalId, name) = IntegrationTarget.Of(template, target);
        yield return new ApiRoute(api.LogicalId, ApiKind.Http, "ANY", ApiRoute.DefaultRoute, "2.0", logicalId, name);
    }

    /// <summary>"GET /items/{id}" → (GET, /items/{id}); "$default" → (ANY, $default).</summary>
    public static (string Method, string Path) SplitRouteKey(string key)
    {
        var space = key.IndexOf(' ');
        return space < 0 ? ("ANY", key) : (key[..space].ToUpperInvariant(), key[(space + 1)..]);
    }

    private static bool BelongsTo(TemplateResources template, TemplateResource resource, string property, TemplateResource api) =>
        resource.Property(property) is { } node && template.ReferencedBy(node).Any(r => r.LogicalId == api.LogicalId);

    internal static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    internal static string? Text(YamlMappingNode? node, string key) => Child(node, key) is YamlScalarNode { Value: { } value } ? value : null;
}
