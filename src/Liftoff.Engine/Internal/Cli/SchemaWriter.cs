using System.Text;
using System.Text.Json;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;

namespace Liftoff.Engine.Internal.Cli;

/// <summary>
/// .nuke/build.schema.json in NUKE's format, so editors check parameter files and NUKE's global tool, shell completion
/// and IDE plugins read a Liftoff build: `definitions` holds Host, ExecutableTarget (the listed targets), Verbosity and
/// NukeBuild (the engine's own options; NUKE's tools look for that name), `allOf` refers to NukeBuild, and the root
/// `properties` hold the build's parameters.
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
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteStartObject("definitions");
            WriteEnum(json, "Host", Hosts.HostDetector.Names);
            WriteEnum(json, "ExecutableTarget", graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name).Order(StringComparer.Ordinal));
            WriteEnum(json, "Verbosity", Enum.GetNames<Verbosity>());
            json.WriteStartObject("NukeBuild");
            json.WriteStartObject("properties");
            WriteEngineOptions(json);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("allOf");
            json.WriteStartObject();
            json.WriteString("$ref", "#/definitions/NukeBuild");
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("properties");
            foreach (var parameter in parameters.OrderBy(p => p.Name, StringComparer.Ordinal)) WriteParameter(json, parameter);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteEngineOptions(Utf8JsonWriter json)
    {
        Simple(json, "Continue", "boolean", "Resume the last failed run with the same arguments, skipping the targets that succeeded");
        Simple(json, "Help", "boolean", "Show targets and parameters");
        Reference(json, "Host", "Host to act as. Default is the detected one", "Host");
        Simple(json, "NoLogo", "boolean", "Accepted for NUKE's sake; Liftoff prints no logo");
        Simple(json, "Partition", "string", "Part of a split CI job, <part>/<total>");
        Simple(json, "Plan", "boolean", "Show the execution plan without running it");
        List(json, "Profile", "Profiles to load: .nuke/parameters.<profile>.json", null);
        Simple(json, "Root", "string", "Root directory during build execution");
        List(json, "Skip", "Targets to skip. Empty list skips every target that was not named", "ExecutableTarget");
        List(json, "Target", "Targets to run when none is named on the command line", "ExecutableTarget");
        Simple(json, "Trace", "boolean", "Print exceptions with their stack traces");
        Reference(json, "Verbosity", "Logging verbosity during build execution. Default is 'Normal'", "Verbosity");
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterDescriptor parameter)
    {
        json.WriteStartObject(parameter.Name);
        var type = parameter.ValueType;
        json.WriteString("type", type == typeof(bool) ? "boolean" : type == typeof(int) || type == typeof(long) ? "integer"
            : type == typeof(string[]) ? "array" : "string");
        if (parameter.Description is not null) json.WriteString("description", parameter.Description);
        if (parameter.IsSecret) json.WriteString("default", "Secrets are never written to this file's parameters; give them by environment");
        if (type == typeof(string[]))
        {
            json.WriteStartObject("items");
            json.WriteString("type", "string");
            json.WriteEndObject();
        }
        if (parameter.AllowedValues.Count > 0)
        {
            json.WriteStartArray("enum");
            foreach (var value in parameter.AllowedValues) json.WriteStringValue(value);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteEnum(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Simple(Utf8JsonWriter json, string name, string type, string description)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        json.WriteString("description", description);
        json.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter json, string name, string description, string definition)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("$ref", $"#/definitions/{definition}");
        json.WriteEndObject();
    }

    private static void List(Utf8JsonWriter json, string name, string description, string? itemDefinition)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "array");
        json.WriteString("description", description);
        json.WriteStartObject("items");
        if (itemDefinition is null) json.WriteString("type", "string");
        else json.WriteString("$ref", $"#/definitions/{itemDefinition}");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
