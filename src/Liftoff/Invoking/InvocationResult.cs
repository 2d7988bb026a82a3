using System.Text.Json;

namespace Liftoff.Invoking;

/// <summary>
/// What one invocation answered, whether the function ran on this machine or in Lambda: the payload as Lambda
/// returns it (the function's result, or its error as errorType, errorMessage and stack), the logs, the time.
/// </summary>
public sealed record InvocationResult
{
    /// <summary>The JSON Lambda returns: the result, or the error object when <see cref="FunctionError"/> is set.</summary>
    public required string Payload { get; init; }
    /// <summary>"Unhandled" when the function failed (an error, a crash, a timeout), as Lambda's X-Amz-Function-Error says.</summary>
    public string? FunctionError { get; init; }
    public bool TimedOut { get; init; }
    public required string RequestId { get; init; }
    public IReadOnlyList<string> Logs { get; init; } = [];
    /// <summary>The handler's time (Lambda's Duration); for a call to AWS, the round trip when Lambda's report is not in the logs.</summary>
    public TimeSpan Duration { get; init; }
    /// <summary>Loading the code before the handler ran (Lambda's Init Duration), when known.</summary>
    public TimeSpan? InitDuration { get; init; }
    public string? ExecutedVersion { get; init; }

    public bool Failed => FunctionError is not null;

    /// <summary>The error as Lambda reports it, read from the payload; null when the function succeeded.</summary>
    public FunctionErrorDetails? Error => Failed ? FunctionErrorDetails.Parse(Payload) : null;
}

/// <summary>
/// A function error as Lambda's runtimes report it: errorType, errorMessage and the stack (Node names it
/// <c>trace</c>, Python <c>stackTrace</c>).
/// </summary>
public sealed record FunctionErrorDetails(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    public static FunctionErrorDetails Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new("Error", payload, []);
            var stack = root.TryGetProperty("stackTrace", out var s) ? s : root.TryGetProperty("trace", out var t) ? t : default;
            return new(
                Text(root, "errorType") ?? "Error",
                Text(root, "errorMessage") ?? payload,
                stack.ValueKind == JsonValueKind.Array ? stack.EnumerateArray().Select(e => e.ToString().TrimEnd('\n')).ToList() : []);
        }
        catch (JsonException)
        {
            return new("Error", payload, []);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
