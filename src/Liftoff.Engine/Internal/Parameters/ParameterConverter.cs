using Liftoff.Engine.IO;
using Liftoff.Engine.Tooling;
using System.Text.Json;

namespace Liftoff.Engine.Internal.Parameters;

internal static class ParameterConverter
{
    public static object? Convert(ParameterDescriptor parameter, RawValue raw, string rootDirectory)
    {
        var type = parameter.ValueType;
        if (raw.Json is { } json) return FromJson(parameter, json, raw.Source, rootDirectory);

        var tokens = raw.Tokens!;
        if (type == typeof(bool) && tokens.Count == 0) return true;
        // A list option given without values is a mistake, never "all": `--project` alone must not deploy everything.
        if (type == typeof(string[]) && tokens.Count == 0)
            throw new ParameterException($"{parameter.CliName} needs at least one value: {parameter.CliName} <value> [<value>...], or leave it out.");
        if (type == typeof(string[]))
            return tokens.SelectMany(t => t.Split([',', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (tokens.Count == 0)
            throw new ParameterException($"{parameter.CliName} needs a value: {parameter.CliName} <{parameter.TypeName}>.");
        if (tokens.Count != 1)
            throw new ParameterException($"{parameter.CliName} takes one value, but {raw.Source} gives {tokens.Count}: " +
                                         $"{(parameter.IsSecret ? SecretMasker.Mask : string.Join(' ', tokens))}.");
        return FromText(parameter, tokens[0], raw.Source, rootDirectory);
    }

    private static object? FromJson(ParameterDescriptor parameter, JsonElement json, string source, string rootDirectory)
    {
        var type = parameter.ValueType;
        if (type == typeof(string[]) && json.ValueKind == JsonValueKind.Array)
            return json.EnumerateArray().Select(e => e.ToString()).ToArray();
        if (type == typeof(bool) && json.ValueKind is JsonValueKind.True or JsonValueKind.False) return json.GetBoolean();
        if (type == typeof(int) && json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var number)) return number;
        if (json.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            return FromText(parameter, json.ToString(), source, rootDirectory);
        throw Wrong(parameter, json.GetRawText(), source);
    }

    private static object? FromText(ParameterDescriptor parameter, string text, string source, string rootDirectory)
    {
        var type = parameter.ValueType;
        if (type == typeof(string)) return text;
        if (type == typeof(string[])) return new[] { text };
        if (type == typeof(AbsolutePath)) return AbsolutePath.Create(text, rootDirectory);
        if (type == typeof(bool))
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => throw Wrong(parameter, text, source),
            };
        if (type == typeof(int)) return int.TryParse(text, out var number) ? number : throw Wrong(parameter, text, source);
        if (type == typeof(long)) return long.TryParse(text, out var big) ? big : throw Wrong(parameter, text, source);
        if (type == typeof(TimeSpan)) return Duration.TryParse(text, out var span) ? span : throw Wrong(parameter, text, source);
        if (type.IsSubclassOf(typeof(Enumeration))) return Enumeration.Parse(type, text) ?? throw Wrong(parameter, text, source);
        if (type.IsEnum)
        {
            var wanted = text.Replace("-", "", StringComparison.Ordinal);
            var match = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
            return match is not null ? Enum.Parse(type, match) : throw Wrong(parameter, text, source);
        }
        throw new ParameterException($"{parameter.CliName} has type {type.Name}, which parameters cannot have (string, bool, int, long, TimeSpan, enum, Enumeration, string[], AbsolutePath).");
    }

    private static ParameterException Wrong(ParameterDescriptor parameter, string value, string source)
    {
        var allowed = parameter.AllowedValues.Count > 0 ? $"one of {string.Join(", ", parameter.AllowedValues)}"
            : parameter.ValueType == typeof(TimeSpan) ? $"a duration such as {Duration.Examples}"
            : $"a value of type {parameter.TypeName}";
        var shown = parameter.IsSecret ? SecretMasker.Mask : value;
        return new ParameterException($"{parameter.CliName} expects {allowed}, but {source} gives '{shown}'.");
    }
}
