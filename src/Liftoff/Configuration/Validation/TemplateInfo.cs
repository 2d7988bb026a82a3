using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>What the configuration checks need of a CloudFormation template: parameters, resources, outputs.</summary>
/// <param name="File">The template relative to the repository root, for messages.</param>
internal sealed record TemplateInfo(
    string File,
    IReadOnlyDictionary<string, TemplateParameter> Parameters,
    IReadOnlyDictionary<string, TemplateResource> Resources,
    IReadOnlySet<string> Outputs)
{
    public const string SamTransform = "AWS::Serverless-2016-10-31";

    /// <summary>The template's absolute path: SAM's CodeUri and a plain template's Code are relative to its folder.</summary>
    public string FullPath { get; init; } = "";

    /// <summary>The template declares SAM's transform (AWS::Serverless-2016-10-31).</summary>
    public bool Serverless { get; init; }

    /// <summary>SAM's Globals.Function: properties every AWS::Serverless::Function inherits.</summary>
    public YamlMappingNode? FunctionGlobals { get; init; }

    public string Directory => Path.GetDirectoryName(FullPath) ?? "";

    public SourceLocation At(YamlNode node) => SourceLocation.At(File, node.Start);
}

/// <param name="NoEcho">Declared with NoEcho: true: CloudFormation hides the value, and project.yaml must not hold it in plain text.</param>
internal sealed record TemplateParameter(string Name, string? Default, SourceLocation Location, bool NoEcho = false);

internal sealed record TemplateResource(string LogicalId, string Type, YamlMappingNode? Properties, SourceLocation Location)
{
    /// <summary>The whole resource (Type, Properties, Metadata…).</summary>
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
