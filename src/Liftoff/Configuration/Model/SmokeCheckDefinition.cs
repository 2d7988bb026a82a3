using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>One check of a deployed release, as written: an HTTP request to the API, or a function invoked with a payload.</summary>
public sealed record SmokeCheckDefinition
{
    public const string Http = "http";
    public const string Invoke = "invoke";

    [Description("Name shown in the results (default: method and path, or the function).")]
    public string? Name { get; init; }

    [AllowedValues(Http, Invoke), DefaultValue(Http)]
    [Description("http: a request to the API (against AWS its URL from the stack outputs; in local routed to the function). invoke: the function called with a payload.")]
    public string? Kind { get; init; }

    [AllowedValues("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"), DefaultValue("GET")]
    [Description("http: HTTP method.")]
    public string? Method { get; init; }

    [RegularExpression(@"^/\S*$", ErrorMessage = "a path starting with /, e.g. /health")]
    [Description("http (required): path below the API URL, with any query string.")]
    public string? Path { get; init; }

    [KeyPattern(@"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", "an HTTP header name")]
    [Placeholders]
    [Description("http: request headers; values may use placeholders.")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [Description("http: request body (sent as application/json unless headers set a content-type).")]
    public string? Body { get; init; }

    [Description("invoke (required): the function to call, by its name under functions.")]
    public string? Function { get; init; }

    [Description("invoke: the event, as JSON text (default {}).")]
    public string? Payload { get; init; }

    [Range(100, 599), DefaultValue(200)]
    [Description("http: expected HTTP status.")]
    public int? Status { get; init; }

    [Description("Text the response body (http) or the function's result (invoke) must contain.")]
    public string? BodyContains { get; init; }

    [KeyPattern(@"^(/.*)?$", "a JSON pointer: empty for the whole document, else starting with /, e.g. /status or /users/0/id")]
    [Description("JSON pointer → expected value in the response body (http) or the function's result (invoke): text for a string, else its JSON (3, true, null).")]
    public IReadOnlyDictionary<string, string>? Json { get; init; }

    [Range(1, 600_000)]
    [Description("Slowest acceptable answer in milliseconds (http: the response; invoke: the function's duration).")]
    public int? MaxLatencyMs { get; init; }
}
