using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Schema;

/// <summary>
/// JSON Schemas (draft-07, what YAML editors understand) for environments.yaml and project.yaml, generated
/// from the same model shapes the loader binds, and checked in under schemas/ so editors complete and check
/// the files. A test fails when the checked-in copies are stale; WriteAsync regenerates them.
/// </summary>
public static class SchemaGenerator
{
    public const string Folder = "schemas";
    public const string EnvironmentsFile = "environments.schema.json";
    public const string ProjectFile = "project.schema.json";

    public static IReadOnlyDictionary<string, string> Generate() => new Dictionary<string, string>
    {
        [$"{Folder}/{EnvironmentsFile}"] = Generate(typeof(EnvironmentsFile), "Liftoff environments.yaml"),
        [$"{Folder}/{ProjectFile}"] = Generate(typeof(ProjectDefinition), "Liftoff project.yaml"),
    };

    /// <summary>Writes the schemas under {root}/schemas.</summary>
    public static async Task WriteAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        foreach (var (relative, text) in Generate())
        {
            var path = Path.Combine(rootDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }
    }

    /// <returns>The schema files (relative paths) whose checked-in text differs from what the model generates.</returns>
    public static async Task<IReadOnlyList<string>> FindStaleAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        foreach (var (relative, text) in Generate())
        {
            var path = Path.Combine(rootDirectory, relative);
            if (!File.Exists(path) || (await File.ReadAllTextAsync(path, cancellationToken)).ReplaceLineEndings("\n") != text)
                stale.Add(relative);
        }
        return stale;
    }

    private static string Generate(Type root, string title)
    {
        var definitions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = title,
        };
        foreach (var (key, value) in Object(root, overriding: false, definitions)) schema[key] = value?.DeepClone();
        var defs = new JsonObject();
        foreach (var (name, definition) in definitions) defs[name] = definition;
        schema["definitions"] = defs;
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return schema.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    /// <param name="overriding">The shape inside a project's 'environments' section: nothing required, no build inputs.</param>
    private static JsonObject Object(Type type, bool overriding, SortedDictionary<string, JsonObject> definitions)
    {
        var shape = ModelShape.Of(type);
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var key in shape.Keys)
        {
            if (overriding && (key.BuildInput || key.Overrides)) continue;
            var property = Property(key, overriding, definitions);
            if (property is null) continue;
            properties[key.Name] = property;
            if (key.Required && !overriding) required.Add(key.Name);
        }
        var schema = new JsonObject { ["type"] = "object" };
        if (shape.Description is not null) schema["description"] = shape.Description;
        schema["properties"] = properties;
        if (required.Count > 0) schema["required"] = required;
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject? Property(ModelKey key, bool overriding, SortedDictionary<string, JsonObject> definitions)
    {
        JsonObject? schema;
        if (key.Overrides)
        {
            schema = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = Reference(key.DictionaryValue!, overriding: true, definitions),
            };
        }
        else if (key.DictionaryValue is { } valueType)
        {
            schema = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = Value(valueType, key, overriding, definitions),
            };
        }
        else if (key.ListItem is { } itemType)
        {
            schema = new JsonObject { ["type"] = "array", ["items"] = Value(itemType, key, overriding, definitions) };
        }
        else
        {
            schema = Value(key.ValueType, key, overriding, definitions);
        }
        if (schema is null) return null;

        if (key.KeyPattern is { } keyPattern) schema["propertyNames"] = new JsonObject { ["pattern"] = keyPattern.Pattern };
        if (key.MinLength is { } min) schema[key.ListItem is null ? "minProperties" : "minItems"] = min;
        var result = new JsonObject();
        if (key.Description is not null) result["description"] = key.Description;
        foreach (var (name, value) in schema) result[name] = value?.DeepClone();
        return result;
    }

    private static JsonObject? Value(Type type, ModelKey key, bool overriding, SortedDictionary<string, JsonObject> definitions)
    {
        if (ModelShape.IsModel(type))
        {
            var reference = Reference(type, overriding, definitions);
            if (ModelShape.Of(type).Shorthand is null || reference is null) return reference;
            return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, reference) };
        }
        var schema = new JsonObject();
        if (type == typeof(string))
        {
            schema["type"] = "string";
            if (key.Allowed is { } allowed) schema["enum"] = new JsonArray(allowed.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray());
            if (key.Pattern is { } pattern) schema["pattern"] = pattern.Pattern;
        }
        else if (type == typeof(int))
        {
            schema["type"] = "integer";
            if (key.Range is { } range)
            {
                schema["minimum"] = (int)range.Minimum;
                schema["maximum"] = (int)range.Maximum;
            }
        }
        else if (type == typeof(bool))
        {
            schema["type"] = "boolean";
        }
        if (key.Default is { } value) schema["default"] = JsonValue.Create(value);
        return schema;
    }

    private static JsonObject? Reference(Type type, bool overriding, SortedDictionary<string, JsonObject> definitions)
    {
        var name = type.Name.Replace("Definition", "") + (overriding ? "Override" : "");
        if (!definitions.ContainsKey(name))
        {
            definitions[name] = new JsonObject(); // placeholder against recursion
            var definition = Object(type, overriding, definitions);
            if (((JsonObject)definition["properties"]!).Count == 0)
            {
                definitions.Remove(name);
                return null;
            }
            definitions[name] = definition;
        }
        return new JsonObject { ["$ref"] = $"#/definitions/{name}" };
    }
}
