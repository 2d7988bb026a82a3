using System.Globalization;
using System.Text.Json.Nodes;

namespace Liftoff.Invoking.Http;

/// <summary>
/// The event API Gateway sends a Lambda proxy integration, in the format the integration asks for: 1.0 (REST
/// APIs, and HTTP APIs that ask for it) or 2.0 (HTTP APIs' default). Shapes as in AWS's "Working with AWS Lambda
/// proxy integrations for HTTP APIs" and "Set up Lambda proxy integrations in API Gateway" (input format).
/// </summary>
public static class ProxyEvents
{
    public const string AccountId = "123456789012";

    public static JsonObject For(RouteMatch match, ApiRequest request, string stage, DateTimeOffset now, string requestId) =>
        match.Route.PayloadFormat == "2.0" ? V2(match, request, stage, now, requestId) : V1(match, request, stage, now, requestId);

    public static JsonObject V1(RouteMatch match, ApiRequest request, string stage, DateTimeOffset now, string requestId)
    {
        var route = match.Route;
        var resource = route.Path == ApiRoute.DefaultRoute ? request.Path : route.Path;
        var query = QueryParameters(request.Query);
        var headers = request.HeaderValues;
        var @event = new JsonObject();
        if (route.Kind == ApiKind.Http) @event["version"] = "1.0";
        @event["resource"] = resource;
        @event["path"] = request.Path;
        @event["httpMethod"] = request.Method.ToUpperInvariant();
        @event["headers"] = headers.Count == 0 ? null : Object(headers.Select(h => (h.Key, h.Value)));
        @event["multiValueHeaders"] = headers.Count == 0 ? null : Object(headers.Select(h => (h.Key, (JsonNode?)new JsonArray(h.Value))));
        @event["queryStringParameters"] = query.Count == 0 ? null : Object(query.Select(q => (q.Key, q.Value[^1])));
        @event["multiValueQueryStringParameters"] = query.Count == 0 ? null : Object(query.Select(q => (q.Key, (JsonNode?)Array(q.Value))));
        @event["pathParameters"] = match.PathParameters.Count == 0 ? null : Object(match.PathParameters.Select(p => (p.Key, p.Value)));
        @event["stageVariables"] = null;
        @event["requestContext"] = new JsonObject
        {
            ["accountId"] = AccountId,
            ["apiId"] = route.Api,
            ["resourceId"] = route.Api,
            ["resourcePath"] = resource,
            ["httpMethod"] = request.Method.ToUpperInvariant(),
            ["path"] = $"/{stage}{request.Path}",
            ["protocol"] = "HTTP/1.1",
            ["stage"] = stage,
            ["requestId"] = requestId,
            ["requestTime"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
            ["requestTimeEpoch"] = now.ToUnixTimeMilliseconds(),
            ["identity"] = new JsonObject { ["sourceIp"] = "127.0.0.1", ["userAgent"] = Header(headers, "user-agent") },
            ["domainName"] = "localhost",
        };
        @event["body"] = request.Body;
        @event["isBase64Encoded"] = false;
        return @event;
    }

    public static JsonObject V2(RouteMatch match, ApiRequest request, string stage, DateTimeOffset now, string requestId)
    {
        var route = match.Route;
        var query = QueryParameters(request.Query);
        // Format 2.0 lowercases header names, joins repeated values with commas and moves cookies to their own list.
        var headers = request.HeaderValues.Where(h => !string.Equals(h.Key, "cookie", StringComparison.OrdinalIgnoreCase))
            .GroupBy(h => h.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h.Value)));
        var routeKey = route.Path == ApiRoute.DefaultRoute ? ApiRoute.DefaultRoute : $"{route.Method} {route.Path}";
        var @event = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = routeKey,
            ["rawPath"] = request.Path,
            ["rawQueryString"] = request.Query,
        };
        if (Header(request.HeaderValues, "cookie") is { } cookies)
            @event["cookies"] = new JsonArray(cookies.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => (JsonNode?)c).ToArray());
        @event["headers"] = Object(headers.Select(h => (h.Key, h.Value)));
        if (query.Count > 0) @event["queryStringParameters"] = Object(query.Select(q => (q.Key, string.Join(",", q.Value))));
        if (match.PathParameters.Count > 0) @event["pathParameters"] = Object(match.PathParameters.Select(p => (p.Key, p.Value)));
        @event["requestContext"] = new JsonObject
        {
            ["accountId"] = AccountId,
            ["apiId"] = route.Api,
            ["domainName"] = "localhost",
            ["domainPrefix"] = "localhost",
            ["http"] = new JsonObject
            {
                ["method"] = request.Method.ToUpperInvariant(),
                ["path"] = request.Path,
                ["protocol"] = "HTTP/1.1",
                ["sourceIp"] = "127.0.0.1",
                ["userAgent"] = Header(request.HeaderValues, "user-agent") ?? "",
            },
            ["requestId"] = requestId,
            ["routeKey"] = routeKey,
            ["stage"] = stage,
            ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
            ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
        };
        if (request.Body is not null) @event["body"] = request.Body;
        @event["isBase64Encoded"] = false;
        return @event;
    }

    private static Dictionary<string, List<string>> QueryParameters(string query)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.Split('=', 2) is [var n, var v] ? (n, v) : (pair, "");
            var key = Uri.UnescapeDataString(name.Replace('+', ' '));
            if (!parameters.TryGetValue(key, out var values)) parameters[key] = values = [];
            values.Add(Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
        return parameters;
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static JsonObject Object(IEnumerable<(string Key, JsonNode? Value)> entries)
    {
        var json = new JsonObject();
        foreach (var (key, value) in entries) json[key] = value;
        return json;
    }

    private static JsonObject Object(IEnumerable<(string Key, string Value)> entries) =>
        Object(entries.Select(e => (e.Key, (JsonNode?)JsonValue.Create(e.Value))));

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
