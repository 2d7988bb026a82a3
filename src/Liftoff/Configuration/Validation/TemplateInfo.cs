using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>What the configuration checks need of a CloudFormation template: parameters, resources, outputs.</summary>
/// <param name="File">The template relative to the repository root, for messages.</param>
/// <param name="FullPath">The template's absolute path: SAM's CodeUri and a plain template's Code are relative to its folder.</param>
/// <param name="Serverless">The template declares SAM's transform (AWS::Serverless-2016-10-31).</param>
/// <param name="FunctionGlobals">SAM's Globals.Function: properties every AWS::Serverless::Function inherits.</param>
internal sealed record TemplateInfo(
    string File,
    IReadOnlyDictionary<string, TemplateParameter> Parameters,
    IReadOnlyDictionary<string, TemplateResource> Resources,
    IReadOnlySet<string> Outputs)
{
    public const string SamTransform = "AWS::Serverless-2016-10-31";

    public string FullPath { get; init; } = "";
    public bool Serverless { get; init; }
    public YamlMappingNode? FunctionGlobals { get; init; }

    public string Directory => Path.GetDirectoryName(FullPath) ?? "";

    public IEnumerable<string> ResourcesOfType(params string[] types) =>
        Resources.Values.Where(r => types.Contains(r.Type)).Select(r => r.LogicalId).Order(StringComparer.Ordinal);

    public SourceLocation At(YamlNode node) => SourceLocation.At(File, node.Start);
}

internal sealed record TemplateParameter(string Name, string? Default, SourceLocation Location);

/// <param name="Body">The whole resource (Type, Properties, Metadata…).</param>
internal sealed record TemplateResource(string LogicalId, string Type, YamlMappingNode? Properties, SourceLocation Location)
{
    public YamlMappingNode? Body { get; init; }

    public YamlNode? Property(string name) =>
        Properties?.Children.TryGetValue(new YamlScalarNode(name), out var value) == true ? value : null;

    /// <summary>A key of the resource's Metadata (SAM's BuildMethod, BuildProperties).</summary>
    public YamlNode? Metadata(string name) =>
        Body?.Children.TryGetValue(new YamlScalarNode("Metadata"), out var metadata) == true &&
        metadata is YamlMappingNode entries && entries.Children.TryGetValue(new YamlScalarNode(name), out var value)
            ? value
            : null;
}
