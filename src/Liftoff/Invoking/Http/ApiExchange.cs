namespace Liftoff.Invoking.Http;

/// <summary>An HTTP request to an API: method, path below the API's URL (with any query string), headers, body.</summary>
public sealed record ApiRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string>? Headers = null, string? Body = null)
{
    public string Path => PathAndQuery.Split('?', 2)[0] is { Length: > 0 } path ? path : "/";
    public string Query => PathAndQuery.Split('?', 2) is [_, var query] ? query : "";
    public IReadOnlyDictionary<string, string> HeaderValues => Headers ?? new Dictionary<string, string>();
}

/// <summary>An API's answer: status, headers (a name may repeat), body as text.</summary>
public sealed record ApiResponse(int StatusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Count: > 0 } values
            ? string.Join(", ", values)
            : null;

    public static ApiResponse Json(int status, string body) =>
        new(status, new Dictionary<string, IReadOnlyList<string>> { ["content-type"] = ["application/json"] }, body);
}
