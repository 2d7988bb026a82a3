namespace Liftoff.Invoking.Http;

public enum ApiKind
{
    /// <summary>API Gateway REST API (AWS::ApiGateway::RestApi): proxy events in format 1.0.</summary>
    Rest,
    /// <summary>API Gateway HTTP API (AWS::ApiGatewayV2::Api): format 2.0 by default, 1.0 where the integration says so.</summary>
    Http,
}

/// <summary>
/// One route of a deployed API to a Lambda proxy integration. <see cref="Path"/> is the resource path as
/// API Gateway writes it (<c>/users/{id}</c>, <c>/{proxy+}</c>), or <c>$default</c> for an HTTP API's catch-all;
/// <see cref="Method"/> is upper case, or ANY.
/// </summary>
/// <param name="FunctionLogicalId">The AWS::Lambda::Function the integration calls (through an alias or a version too).</param>
/// <param name="FunctionName">When the integration names the function by a literal ARN: its name.</param>
/// <param name="Unsupported">Why the route cannot be served locally (an integration other than a Lambda proxy).</param>
public sealed record ApiRoute(
    string Api,
    ApiKind Kind,
    string Method,
    string Path,
    string PayloadFormat,
    string? FunctionLogicalId,
    string? FunctionName = null,
    string? Unsupported = null)
{
    public const string DefaultRoute = "$default";

    /// <summary>What an HTTP API calls the route (routeKey): "GET /users/{id}", or "$default".</summary>
    public string RouteKey => Path == DefaultRoute ? DefaultRoute : $"{Method} {Path}";
}

/// <summary>An API of the template and its routes.</summary>
public sealed record DeployedApi(string LogicalId, ApiKind Kind, IReadOnlyList<ApiRoute> Routes);
