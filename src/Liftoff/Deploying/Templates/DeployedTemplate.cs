using Liftoff.Configuration;
using Liftoff.Deploying.Stacks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Deploying.Templates;

/// <summary>
/// The template as it deploys to one environment, as <c>aws cloudformation package</c> would write it and with
/// project.yaml's settings applied: a local CodeUri, Code or ContentUri becomes the uploaded artifact's S3
/// location, and memory, timeout, architecture and environment variables are written into the function (those the
/// template takes as parameters travel as parameters instead). A template needing none of this is deployed as written.
/// </summary>
public static class DeployedTemplate
{
    /// <param name="keys">Each function's and layer's artifact key in the environment's artifact bucket, by name.</param>
    public static StackTemplate Render(StackTemplate source, ProjectEnvironment environment, IReadOnlyDictionary<string, string> keys)
    {
        var editor = new TemplateEditor(source.Body);
        var globals = TemplateEditor.Child(TemplateEditor.Child(editor.Root, "Globals"), "Function");
        foreach (var function in environment.Functions)
        {
            var resource = editor.Resource(function.LogicalId)
                ?? throw new DeployException($"{source.SourcePath ?? "The template"} has no resource '{function.LogicalId}' for function {function.Name}.");
            var properties = editor.Properties(resource);
            if (function.CodeKeyParameter is null) SetCode(editor, properties, function.Serverless, environment.ArtifactBucket, Key(keys, function.Name));
            ApplySettings(editor, properties, function.Serverless ? globals : null, function);
        }
        foreach (var layer in environment.Layers)
        {
            var properties = editor.Properties(editor.Resource(layer.LogicalId)
                ?? throw new DeployException($"{source.SourcePath ?? "The template"} has no layer '{layer.LogicalId}'."));
            var location = layer.Serverless
                ? TemplateEditor.Mapping(("Bucket", environment.ArtifactBucket), ("Key", Key(keys, layer.Name)))
                : TemplateEditor.Mapping(("S3Bucket", environment.ArtifactBucket), ("S3Key", Key(keys, layer.Name)));
            editor.Set(properties, layer.Serverless ? "ContentUri" : "Content", location);
        }
        return editor.Changed ? source with { Body = editor.Save() } : source;
    }

    private static void SetCode(TemplateEditor editor, YamlMappingNode properties, bool serverless, string bucket, string key) =>
        editor.Set(properties, serverless ? "CodeUri" : "Code", serverless
            ? TemplateEditor.Mapping(("Bucket", bucket), ("Key", key))
            : TemplateEditor.Mapping(("S3Bucket", bucket), ("S3Key", key)));

    private static void ApplySettings(TemplateEditor editor, YamlMappingNode properties, YamlNode? globals, FunctionEnvironment function)
    {
        bool ByProperty(string property) => !function.ParameterSettings.Contains(property);
        if (function.MemorySize is { } memory && ByProperty("MemorySize") && Current(properties, globals, "MemorySize") != memory.ToString())
            editor.SetNumber(properties, "MemorySize", memory);
        if (function.Timeout is { } timeout && ByProperty("Timeout") && Current(properties, globals, "Timeout") != timeout.ToString())
            editor.SetNumber(properties, "Timeout", timeout);
        // Lambda's default is x86_64; the build was made for this architecture, so the function must run on it.
        if (ByProperty("Architectures") && (CurrentArchitecture(properties, globals) ?? "x86_64") != function.Architecture)
            editor.Set(properties, "Architectures", new YamlSequenceNode(new YamlScalarNode(function.Architecture) { Style = ScalarStyle.Plain }));
        if (function.EnvironmentVariables.Count > 0)
        {
            var variables = editor.MappingAt(editor.MappingAt(properties, "Environment"), "Variables");
            foreach (var (name, value) in function.EnvironmentVariables) editor.SetText(variables, name, value);
        }
        // SAM publishes a version for code changes only, unless told otherwise: a changed setting would then never
        // reach the alias that serves traffic. An explicit value in the template is kept.
        if (function.AliasOwner != AliasOwner.Liftoff && TemplateEditor.Child(properties, AllProperties) is null && TemplateEditor.Child(globals, AllProperties) is null)
            editor.SetFlag(properties, AllProperties, true);
    }

    private const string AllProperties = "AutoPublishAliasAllProperties";

    private static string? Current(YamlMappingNode properties, YamlNode? globals, string key) =>
        TemplateEditor.Literal(TemplateEditor.Child(properties, key) ?? TemplateEditor.Child(globals, key));

    private static string? CurrentArchitecture(YamlMappingNode properties, YamlNode? globals) =>
        TemplateEditor.Literal(((TemplateEditor.Child(properties, "Architectures") ?? TemplateEditor.Child(globals, "Architectures")) as YamlSequenceNode)?.Children.FirstOrDefault());

    private static string Key(IReadOnlyDictionary<string, string> keys, string name) =>
        keys.TryGetValue(name, out var key) ? key
        : throw new DeployException($"No uploaded package for {name}: run Package and Upload first.");
}
