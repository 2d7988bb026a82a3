using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Liftoff.Invoking;

/// <summary>What the Invoke target prints: the function reached, its logs, its result or error and the time; or one JSON object.</summary>
public static class InvocationReport
{
    // Relaxed escaping: a body's quotes print as \" rather than \u0022, as people and jq expect.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IAnsiConsole console, string project, InvokedFunction function, string? releaseId, InvocationResult result)
    {
        var version = function.Version is null ? "" : $":{function.Version}";
        var release = releaseId is null ? "" : $" (release {releaseId})";
        console.MarkupLineInterpolated($"[bold]{project}/{function.Function}[/] → {function.FunctionName}{version}{release}, {function.Where}");
        if (function.Note is not null) console.MarkupLineInterpolated($"[yellow]note: {function.Note}[/]");
        if (result.Logs.Count > 0)
        {
            console.Write(new Rule("[grey]logs[/]").LeftJustified());
            foreach (var line in result.Logs) console.WriteLine(line);
        }
        var outcome = result.TimedOut ? "[red]timed out[/]" : result.Failed ? "[red]failed[/]" : "[green]succeeded[/]";
        var init = result.InitDuration is { } i ? $", init {Milliseconds(i)}" : "";
        console.Write(new Rule($"{outcome} in {Milliseconds(result.Duration)}{init}").LeftJustified());
        console.WriteLine(Pretty(result.Payload));
    }

    /// <summary>One JSON object and nothing else, for scripts (`--json | jq .result`).</summary>
    public static async Task WriteJsonAsync(
        TextWriter output, string project, InvokedFunction function, string? releaseId, InvocationResult result, CancellationToken cancellationToken)
    {
        var error = result.Error;
        var json = new JsonObject
        {
            ["project"] = project,
            ["function"] = function.Function,
            ["functionName"] = function.FunctionName,
            ["version"] = result.ExecutedVersion ?? function.Version,
            ["releaseId"] = releaseId,
            ["where"] = function.Where,
            ["requestId"] = result.RequestId,
            ["succeeded"] = !result.Failed,
            ["timedOut"] = result.TimedOut,
            ["durationMs"] = Math.Round(result.Duration.TotalMilliseconds, 2),
            ["initDurationMs"] = result.InitDuration is { } init ? Math.Round(init.TotalMilliseconds, 2) : null,
            ["functionError"] = result.FunctionError,
            ["error"] = error is null ? null : new JsonObject
            {
                ["errorType"] = error.ErrorType,
                ["errorMessage"] = error.ErrorMessage,
                ["stackTrace"] = new JsonArray(error.StackTrace.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            },
            ["result"] = result.Failed ? null : Parse(result.Payload),
            ["logs"] = new JsonArray(result.Logs.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        };
        await output.WriteLineAsync(json.ToJsonString(Indented).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static JsonNode? Parse(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(payload);
        }
    }

    private static string Pretty(string payload) => Parse(payload)?.ToJsonString(Indented) ?? "null";

    private static string Milliseconds(TimeSpan time) => $"{time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms";
}
