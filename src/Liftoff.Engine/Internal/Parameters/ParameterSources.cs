using System.Collections;
using System.Text.Json;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>Where parameter values come from, highest precedence first.</summary>
internal sealed class ParameterSources
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _commandLine;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<(string File, Dictionary<string, JsonElement> Values)> _files;

    public ParameterSources(
        IReadOnlyDictionary<string, IReadOnlyList<string>> commandLine,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<(string File, Dictionary<string, JsonElement> Values)> files)
    {
        _commandLine = commandLine;
        _environment = environment;
        _files = files;
    }

    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

    /// <summary>Reads .nuke/parameters.&lt;profile&gt;.json (when a profile is chosen) and .nuke/parameters.json, in that order.</summary>
    public static async Task<IReadOnlyList<(string File, Dictionary<string, JsonElement> Values)>> ReadFilesAsync(
        string rootDirectory, string? profile, CancellationToken cancellationToken)
    {
        var files = new List<(string, Dictionary<string, JsonElement>)>();
        var names = profile is null ? new[] { "parameters.json" } : [$"parameters.{profile}.json", "parameters.json"];
        foreach (var name in names)
        {
            var path = Path.Combine(rootDirectory, ".nuke", name);
            if (!File.Exists(path))
            {
                if (name != "parameters.json")
                    throw new ParameterException($"The parameter profile '{profile}' has no file {Path.Combine(".nuke", name)}. Create it, or drop --profile.");
                continue;
            }
            try
            {
                await using var stream = File.OpenRead(path);
                var values = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(stream,
                    new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true },
                    cancellationToken) ?? [];
                values.Remove("$schema");
                files.Add((Path.Combine(".nuke", name), new Dictionary<string, JsonElement>(values, StringComparer.OrdinalIgnoreCase)));
            }
            catch (JsonException e)
            {
                throw new ParameterException($"{Path.Combine(".nuke", name)}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {e.Message}");
            }
        }
        return files;
    }

    /// <summary>The raw value and where it came from, or null when no source has it.</summary>
    public RawValue? Find(ParameterDescriptor parameter)
    {
        if (_commandLine.TryGetValue(Naming.ToKebabCase(parameter.Name), out var cli))
            return new RawValue(cli, null, "the command line");
        foreach (var name in new[] { parameter.PrefixedEnvironmentName, parameter.EnvironmentName })
            if (_environment.TryGetValue(name, out var value) && value.Length > 0)
                return new RawValue(SplitIfArray(parameter, value), null, $"the environment variable {name}");
        // null in a file means "not given here", as an absent key does, so a lower source or the default applies.
        foreach (var (file, values) in _files)
            if (values.TryGetValue(parameter.Name, out var json) && json.ValueKind != JsonValueKind.Null)
                return new RawValue(null, json, file);
        return null;
    }

    private static IReadOnlyList<string> SplitIfArray(ParameterDescriptor parameter, string value) =>
        parameter.ValueType == typeof(string[])
            ? value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [value];
}

/// <summary>Text tokens (command line, environment) or a JSON value (parameters files), with the source's name for messages.</summary>
internal sealed record RawValue(IReadOnlyList<string>? Tokens, JsonElement? Json, string Source);

internal sealed class ParameterException(string message) : Exception(message);
