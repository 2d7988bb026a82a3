using System.Text;
using System.Text.Json;

namespace Liftoff.Invoking.Http;

/// <summary>
/// What API Gateway makes of a Lambda proxy integration's answer: the function's statusCode, headers,
/// multiValueHeaders, cookies (2.0), body and isBase64Encoded. Format 2.0 also takes any other JSON as the body
/// of a 200 (a bare string as its text). A failed function, or an answer of the wrong shape, becomes the error API
/// Gateway sends: 502 "Internal server error" for a REST API, 500 "Internal Server Error" for an HTTP API.
/// </summary>
public static class ProxyResponses
{
    public static ApiResponse From(ApiRoute route, InvocationResult result)
    {
        if (result.Failed) return Failure(route);
        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(result.Payload);
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Failure(route);
        }

        var shaped = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("statusCode", out _);
        if (!shaped)
        {
            if (route.PayloadFormat != "2.0") return Failure(route);
            var body = payload.ValueKind == JsonValueKind.String ? payload.GetString()! : payload.GetRawText();
            return ApiResponse.Json(200, body);
        }
        return Shaped(route, payload) ?? Failure(route);
    }

    private static ApiResponse? Shaped(ApiRoute route, JsonElement payload)
    {
        var status = payload.GetProperty("statusCode");
        int code;
        if (status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var number)) code = number;
        else if (status.ValueKind == JsonValueKind.String && int.TryParse(status.GetString(), out var text)) code = text;
        else return null;

        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (payload.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
            foreach (var header in multi.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.Array))
                headers[header.Name] = header.Value.EnumerateArray().Select(v => v.ToString()).ToList();
        // A header in both: API Gateway merges the two lists.
        if (payload.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
            foreach (var header in single.EnumerateObject())
                headers[header.Name] = headers.TryGetValue(header.Name, out var existing) ? [.. existing, header.Value.ToString()] : [header.Value.ToString()];
        if (route.PayloadFormat == "2.0" && payload.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
            headers["set-cookie"] = cookies.EnumerateArray().Select(c => c.ToString()).ToList();

        var body = payload.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null ? b.ToString() : "";
        if (payload.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True)
        {
            try
            {
                body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return new ApiResponse(code, headers, body);
    }

    private static ApiResponse Failure(ApiRoute route) => route.Kind == ApiKind.Rest
        ? ApiResponse.Json(502, """{"message": "Internal server error"}""")
        : ApiResponse.Json(500, """{"message":"Internal Server Error"}""");
}
