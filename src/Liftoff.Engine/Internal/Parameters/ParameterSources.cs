using System.Collections;
using System.Text.Json;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>Where parameter values come from, highest precedence first.</summary>
internal sealed class ParameterSources
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _commandLine;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<ParameterFile> _files;

    public ParameterSources(
        IReadOnlyDictionary<string, IReadOnlyList<string>> commandLine,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<ParameterFile> files)
    {
        _commandLine = commandLine;
        _environment = environment;
        _files = files;
    }

    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

    /// <summary>
    /// Reads .nuke/parameters.&lt;profile&gt;.json for each profile (the last named first, as it wins) and then
    /// .nuke/parameters.json, in precedence order. A named profile without its file is a usage error.
    /// </summary>
    public static async Task<IReadOnlyList<ParameterFile>> ReadFilesAsync(
        string rootDirectory, IReadOnlyList<string> profiles, CancellationToken cancellationToken)
    {
        var files = new List<ParameterFile>();
        foreach (var name in profiles.Reverse().Select(p => $"parameters.{p}.json").Append("parameters.json"))
        {
            var path = Path.Combine(rootDirectory, ".nuke", name);
            if (!File.Exists(path))
            {
                if (name != "parameters.json")
                    throw new ParameterException($"The parameter profile '{name[11..^5]}' has no file {Path.Combine(".nuke", name)}. Create it, or drop it from --profile.");
                continue;
            }
            files.Add(await ReadFileAsync(path, Path.Combine(".nuke", name), cancellationToken));
        }
        return files;
    }

    private static async Task<ParameterFile> ReadFileAsync(string path, string shownPath, CancellationToken cancellationToken)
    {
        try
        {
            // Read whole (these files are small) so the keys' positions can be named in messages.
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (bytes.AsSpan().StartsWith(Utf8ByteOrderMark)) bytes = bytes[Utf8ByteOrderMark.Length..];
            // JsonDocument rather than JsonSerializer: the serializer's first use costs more than a warm --help.
            using var document = JsonDocument.Parse(bytes, FileOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ParameterException($"{shownPath}:1:1: not valid JSON: the file must hold one object of parameter names and values.");
            var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
                if (property.Name != "$schema") values[property.Name] = property.Value.Clone();
            return new ParameterFile(shownPath, values, KeyPositions(bytes));
        }
        catch (JsonException e)
        {
            throw new ParameterException($"{shownPath}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {e.Message}");
        }
    }

    // Editors on Windows may save one; the span-based reader, unlike the stream one, does not skip it.
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static readonly JsonDocumentOptions FileOptions =
        new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>line:column of each top-level key, for messages that point into the file.</summary>
    private static Dictionary<string, string> KeyPositions(byte[] json)
    {
        var positions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            var before = json.AsSpan(0, (int)reader.TokenStartIndex);
            var line = before.Count((byte)'\n') + 1;
            var column = before.Length - (before.LastIndexOf((byte)'\n') + 1) + 1;
            positions.TryAdd(reader.GetString()!, $"{line}:{column}");
        }
        return positions;
    }

    /// <summary>
    /// The raw value and where it came from, or null when no source has it. The environment is read only under the
    /// parameter's prefixed names (LIFTOFF_X, NUKE_X) and the bare names it opted in to: ENV, FORCE or APPROVE set in a
    /// shell or CI for something else must never steer a deploy.
    /// </summary>
    public RawValue? Find(ParameterDescriptor parameter)
    {
        if (_commandLine.TryGetValue(Naming.Normalize(parameter.Name), out var cli))
            return new RawValue(cli, null, "the command line");
        foreach (var name in parameter.EnvironmentNames)
            if (_environment.TryGetValue(name, out var value) && value.Length > 0)
                return new RawValue(SplitIfArray(parameter, value), null, $"the environment variable {name}");
        // null in a file means "not given here", as an absent key does, so a lower source or the default applies.
        foreach (var file in _files)
            if (file.Values.TryGetValue(parameter.Name, out var json) && json.ValueKind != JsonValueKind.Null)
                return new RawValue(null, json, file.Path);
        return null;
    }

    private static IReadOnlyList<string> SplitIfArray(ParameterDescriptor parameter, string value) =>
        parameter.ValueType == typeof(string[])
            ? value.Split([',', ' ', ';', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [value];
}

/// <summary>One parameters file: its path relative to the root, its values by key, and each key's line:column.</summary>
internal sealed record ParameterFile(string Path, IReadOnlyDictionary<string, JsonElement> Values, IReadOnlyDictionary<string, string> Positions);

/// <summary>Text tokens (command line, environment) or a JSON value (parameters files), with the source's name for messages.</summary>
internal sealed record RawValue(IReadOnlyList<string>? Tokens, JsonElement? Json, string Source);

internal sealed class ParameterException(string message) : Exception(message);
