using Liftoff.Configuration.Validation;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Templates;

/// <summary>Reading CloudFormation's two spellings of an intrinsic (short-form tag or one-key mapping) from YAML nodes.</summary>
internal static class TemplateNodes
{
    /// <summary>A scalar without an intrinsic tag: its text; else null.</summary>
    public static string? Literal(YamlNode? node) =>
        node is YamlScalarNode { Value: { } value } scalar && Tags.Of(scalar) == "" ? value : null;

    /// <summary>The name in <c>!Ref Name</c> or <c>{ Ref: Name }</c>; else null.</summary>
    public static string? Ref(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } name } scalar when Tags.Of(scalar) == "!Ref" => name,
        YamlMappingNode { Children.Count: 1 } mapping when mapping.Children.TryGetValue(new YamlScalarNode("Ref"), out var target) =>
            Literal(target),
        _ => null,
    };

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
