using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>One HTTP check against the deployed API, as written.</summary>
public sealed record SmokeCheckDefinition
{
    [Description("Name shown in the results (default: method and path).")]
    public string? Name { get; init; }

    [AllowedValues("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"), DefaultValue("GET")]
    [Description("HTTP method.")]
    public string? Method { get; init; }

    [Required, RegularExpression(@"^/\S*$", ErrorMessage = "a path starting with /, e.g. /health")]
    [Description("Path below the API URL.")]
    public string? Path { get; init; }

    [Description("Request body (sent as application/json).")]
    public string? Body { get; init; }

    [Range(100, 599), DefaultValue(200)]
    [Description("Expected HTTP status.")]
    public int? Status { get; init; }

    [Description("Text the response body must contain.")]
    public string? BodyContains { get; init; }
}
