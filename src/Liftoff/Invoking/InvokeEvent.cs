using System.Text.Json;

namespace Liftoff.Invoking;

/// <summary>The event an Invoke sends: --event file.json or --event-json '{…}', checked to be JSON; {} when neither is given.</summary>
public static class InvokeEvent
{
    public static async Task<string> ReadAsync(string? file, string? json, string workingDirectory, CancellationToken cancellationToken)
    {
        if (file is not null && json is not null)
            throw new InvokeException("Give the event once: --event <file.json> or --event-json '<json>', not both.");
        if (file is null && json is null) return "{}";

        string text, source;
        if (file is not null)
        {
            var path = Path.GetFullPath(file, workingDirectory);
            if (!File.Exists(path)) throw new InvokeException($"--event {file}: no such file ({path}).");
            text = await File.ReadAllTextAsync(path, cancellationToken);
            source = $"--event {file}";
        }
        else
        {
            text = json!;
            source = "--event-json";
        }
        try
        {
            using var _ = JsonDocument.Parse(text);
            return text;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new InvokeException($"{source} is not JSON{where}: {e.Message.Split(" LineNumber:")[0]} Lambda takes a JSON event, e.g. '{{\"key\": \"value\"}}'.");
        }
    }
}
