using System.Text;
using System.Text.Json;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;

namespace Liftoff.Engine.Internal.Cli;

/// <summary>
/// .nuke/build.schema.json: a JSON Schema of .nuke/parameters*.json built from the declared parameters and
/// targets, so editors complete and check parameter files.
/// </summary>
internal static class SchemaWriter
{
    public const string RelativePath = ".nuke/build.schema.json";

    /// <summary>What the schema was last generated from (see BuildRunner); under temp/, which git ignores.</summary>
    public const string StampRelativePath = ".nuke/temp/build.schema.stamp";

    public static string Generate(TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Liftoff build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");

            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();

            var targetNames = graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name).ToArray();
            WriteTargetList(json, "Target", "Targets to run", targetNames);
            WriteTargetList(json, "Skip", "Targets to skip", targetNames);

            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                if (parameter.Description is not null) json.WriteString("description", parameter.Description);
                switch (parameter.ValueType)
                {
                    case var t when t == typeof(bool): json.WriteString("type", "boolean"); break;
                    case var t when t == typeof(int): json.WriteString("type", "integer"); break;
                    case var t when t == typeof(string[]):
                        json.WriteString("type", "array");
                        json.WriteStartObject("items");
                        json.WriteString("type", "string");
                        json.WriteEndObject();
                        break;
                    case { IsEnum: true }:
                        json.WriteString("type", "string");
                        json.WriteStartArray("enum");
                        foreach (var value in parameter.AllowedValues) json.WriteStringValue(value);
                        json.WriteEndArray();
                        break;
                    default: json.WriteString("type", "string"); break;
                }
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTargetList(Utf8JsonWriter json, string name, string description, string[] targets)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var target in targets) json.WriteStringValue(target);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
