using Liftoff.Configuration.Validation;
using YamlDotNet.RepresentationModel;
using static Liftoff.Configuration.Templates.TemplateNodes;

namespace Liftoff.Configuration.Templates;

/// <summary>
/// Reads the functions and layers a template declares, the way SAM reads them: an AWS::Serverless::Function
/// takes what it does not say from Globals.Function; CodeUri, Code and ContentUri are local folders unless
/// they name S3 (an s3:// URI, Bucket/Key, S3Bucket/S3Key), inline code or an image.
/// </summary>
internal static class TemplateFunctionReader
{
    public static IReadOnlyList<TemplateFunction> Functions(TemplateInfo template) =>
        template.Resources.Values
            .Where(r => r.Type is TemplateFunction.SamType or TemplateFunction.LambdaType)
            .OrderBy(r => r.LogicalId, StringComparer.Ordinal)
            .Select(r => Function(template, r))
            .ToList();

    public static IReadOnlyList<TemplateLayer> Layers(TemplateInfo template) =>
        template.Resources.Values
            .Where(r => r.Type is TemplateLayer.SamType or TemplateLayer.LambdaType)
            .OrderBy(r => r.LogicalId, StringComparer.Ordinal)
            .Select(r =>
            {
                var serverless = r.Type == TemplateLayer.SamType;
                var content = r.Property(serverless ? "ContentUri" : "Content");
                return new TemplateLayer(r.LogicalId, serverless, r.Location, Code(template, content, serverless, r.Location));
            })
            .ToList();

    private static TemplateFunction Function(TemplateInfo template, TemplateResource resource)
    {
        var serverless = resource.Type == TemplateFunction.SamType;
        YamlNode? Property(string name) =>
            resource.Property(name) ?? (serverless ? Child(template.FunctionGlobals, name) : null);
        // A value written in place, or the default of the parameter it refers to (Runtime: !Ref NodeRuntime).
        TemplateText? Text(YamlNode? node) =>
            (Literal(node) ?? (Ref(node) is { } parameter ? template.Parameters.GetValueOrDefault(parameter)?.Default : null)) is { } value
                ? new TemplateText(value, template.At(node!))
                : null;

        TemplateCode code = !serverless ? Code(template, resource.Property("Code"), serverless, resource.Location)
            : Property("InlineCode") is { } inline ? new ForeignCode("InlineCode", template.At(inline))
            : Literal(Property("PackageType")) == "Image" ? new ForeignCode("PackageType: Image", resource.Location)
            : Code(template, Property("CodeUri"), serverless, resource.Location);
        var entryPoints = Child(resource.Metadata("BuildProperties"), "EntryPoints") as YamlSequenceNode;
        return new TemplateFunction(resource.LogicalId, serverless, resource.Location)
        {
            Code = code,
            Runtime = Text(Property("Runtime")),
            Handler = Text(Property("Handler")),
            Architecture = Text((Property("Architectures") as YamlSequenceNode)?.Children.FirstOrDefault()),
            BuildMethod = Text(resource.Metadata("BuildMethod")),
            EntryPoint = Text(entryPoints?.Children.FirstOrDefault()),
            UnmergeableVariables = Unmergeable(template, resource.Property("Environment")),
            Environments = new[] { serverless ? Child(template.FunctionGlobals, "Environment") : null, resource.Property("Environment") }
                .OfType<YamlNode>().ToList(),
            AutoPublishAlias = serverless ? Alias(template, Property("AutoPublishAlias")) : null,
            DeploymentPreference = serverless && Property("DeploymentPreference") is not null,
            Layers = LayerIds(template, serverless, resource.Property("Layers"), Child(template.FunctionGlobals, "Layers")),
            SettingParameters = SettingParameters(template, Property),
            FunctionName = resource.Property("FunctionName"),
        };
    }

    public const string MemorySize = "MemorySize";
    public const string Timeout = "Timeout";
    public const string Architectures = "Architectures";

    private static Dictionary<string, string> SettingParameters(TemplateInfo template, Func<string, YamlNode?> property)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string setting, YamlNode? node)
        {
            if (Ref(node) is { } name && template.Parameters.ContainsKey(name)) parameters[setting] = name;
        }
        Add(MemorySize, property(MemorySize));
        Add(Timeout, property(Timeout));
        Add(Architectures, (property(Architectures) as YamlSequenceNode)?.Children.FirstOrDefault());
        return parameters;
    }

    private static TemplateCode Code(TemplateInfo template, YamlNode? node, bool serverless, Yaml.SourceLocation resource)
    {
        if (node is null) return new LocalCode(null, resource);
        var at = template.At(node);
        if (Literal(node) is { } text)
            return text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) ? new ForeignCode($"the S3 object {text}", at) : new LocalCode(text, at);
        if (node is not YamlMappingNode mapping) return new ForeignCode("an expression Liftoff cannot read", at);

        var key = Child(mapping, serverless ? "Key" : "S3Key");
        var bucket = Child(mapping, serverless ? "Bucket" : "S3Bucket");
        if (Ref(key) is { } parameter) return new ParameterCode(parameter, Ref(bucket), at);
        if (key is not null || bucket is not null) return new ForeignCode("a fixed S3 object", at);
        if (Child(mapping, "ZipFile") is not null) return new ForeignCode("inline code (ZipFile)", at);
        if (Child(mapping, "ImageUri") is not null) return new ForeignCode("a container image (ImageUri)", at);
        // No S3 location and no inline code: the folder comes from project.yaml, as an absent Code would.
        return new LocalCode(null, at);
    }

    /// <summary>Variables can be added when Environment and its Variables are absent or mappings.</summary>
    private static Yaml.SourceLocation? Unmergeable(TemplateInfo template, YamlNode? environment)
    {
        if (environment is null) return null;
        if (environment is not YamlMappingNode) return template.At(environment);
        var variables = Child(environment, "Variables");
        return variables is null or YamlMappingNode ? null : template.At(variables);
    }

    /// <summary>AutoPublishAlias as written, or the default of the parameter it refers to (SAM resolves that reference).</summary>
    private static string? Alias(TemplateInfo template, YamlNode? node) =>
        Literal(node) ?? (Ref(node) is { } parameter && template.Parameters.TryGetValue(parameter, out var declared) ? declared.Default : null);

    private static IReadOnlyList<string> LayerIds(TemplateInfo template, bool serverless, params YamlNode?[] lists) =>
        lists.Take(serverless ? 2 : 1)
            .OfType<YamlSequenceNode>()
            .SelectMany(list => list.Children)
            .Select(Ref)
            .OfType<string>()
            .Where(id => template.Resources.TryGetValue(id, out var layer) && layer.Type is TemplateLayer.SamType or TemplateLayer.LambdaType)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
