using YamlDotNet.RepresentationModel;

namespace Liftoff.Invoking.Http;

/// <summary>
/// Routes written in an API's inline OpenAPI <c>Body</c>: <c>paths./x.get.x-amazon-apigateway-integration</c>
/// with type aws_proxy and a uri naming the function (or its alias), and the any-method extension. This is the
/// shape aws-sam-translator gives SAM's Api and HttpApi events (AWS documents the extensions in
/// "Working with API Gateway extensions to OpenAPI").
/// </summary>
internal static class OpenApiRoutes
{
    private const string AnyMethod = "x-amazon-apigateway-any-method";
    private const string Integration = "x-amazon-apigateway-integration";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", AnyMethod];

    public static IEnumerable<ApiRoute> Read(TemplateResources template, TemplateResource api, ApiKind kind)
    {
        if (ApiRoutes.Child(api.Properties, "Body") is not YamlMappingNode body ||
            ApiRoutes.Child(body, "paths") is not YamlMappingNode paths) yield break;
        foreach (var (pathNode, operations) in paths.Children)
        {
            if (pathNode is not YamlScalarNode { Value: { } path } || operations is not YamlMappingNode byMethod) continue;
            foreach (var (methodNode, operation) in byMethod.Children)
            {
                if (methodNode is not YamlScalarNode { Value: { } method } || !Methods.Contains(method.ToLowerInvariant())) continue;
                var verb = method == AnyMethod ? "ANY" : method.ToUpperInvariant();
                var routePath = path == "/$default" ? ApiRoute.DefaultRoute : path;
                var integration = ApiRoutes.Child(operation as YamlMappingNode, Integration) as YamlMappingNode;
                var format = ApiRoutes.Text(integration, "payloadFormatVersion") ?? (kind == ApiKind.Rest ? "1.0" : "2.0");
                var type = ApiRoutes.Text(integration, "type")?.ToUpperInvariant();
                if (type != "AWS_PROXY")
                {
                    yield return new ApiRoute(api.LogicalId, kind, verb, routePath, format, null,
                        Unsupported: $"its integration is {type ?? "missing"}, not a Lambda proxy (aws_proxy)");
                    continue;
                }
                var (logicalId, name) = IntegrationTarget.Of(template, ApiRoutes.Child(integration, "uri"));
                yield return new ApiRoute(api.LogicalId, kind, verb, routePath, format, logicalId, name);
            }
        }
    }
}
