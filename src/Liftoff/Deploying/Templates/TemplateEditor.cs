using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Deploying.Templates;

/// <summary>
/// Edits a template's YAML node tree in place and remembers whether anything changed, so an untouched
/// template is deployed byte for byte as written. CloudFormation's short forms (!Ref, !Sub…) stay tags.
/// </summary>
internal sealed class TemplateEditor
{
    private readonly YamlStream _stream = new();

    public TemplateEditor(string body)
    {
        _stream.Load(new StringReader(body));
        Root = _stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
            ?? throw new DeployException("The template is not a YAML or JSON mapping; cfn-lint in Compile says why.");
    }

    public YamlMappingNode Root { get; }
    public bool Changed { get; private set; }

    public YamlMappingNode? Resource(string logicalId) =>
        Child(Child(Root, "Resources"), logicalId) as YamlMappingNode;

    /// <summary>The resource's Properties, added when it has none.</summary>
    public YamlMappingNode Properties(YamlMappingNode resource) => MappingAt(resource, "Properties");

    /// <summary>The mapping under <paramref name="key"/>, added when absent.</summary>
    public YamlMappingNode MappingAt(YamlMappingNode parent, string key)
    {
        if (Child(parent, key) is YamlMappingNode existing) return existing;
        var created = new YamlMappingNode();
        Set(parent, key, created);
        return created;
    }

    /// <summary>Sets <paramref name="key"/> unless it already holds an equal plain value.</summary>
    public void SetText(YamlMappingNode parent, string key, string value) => SetScalar(parent, key, value, ScalarStyle.DoubleQuoted);

    public void SetNumber(YamlMappingNode parent, string key, int value) =>
        SetScalar(parent, key, value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain);

    public void SetFlag(YamlMappingNode parent, string key, bool value) => SetScalar(parent, key, value ? "true" : "false", ScalarStyle.Plain);

    public void Set(YamlMappingNode parent, string key, YamlNode value)
    {
        parent.Children[new YamlScalarNode(key)] = value;
        Changed = true;
    }

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A scalar's text when it has no intrinsic tag; else null.</summary>
    public static string? Literal(YamlNode? node) => Configuration.Templates.TemplateNodes.Literal(node);

    public static YamlMappingNode Mapping(params (string Key, string Value)[] entries)
    {
        var mapping = new YamlMappingNode();
        foreach (var (key, value) in entries)
            mapping.Children[new YamlScalarNode(key)] = new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted };
        return mapping;
    }

    public string Save()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        _stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private void SetScalar(YamlMappingNode parent, string key, string value, ScalarStyle style)
    {
        if (Literal(Child(parent, key)) == value) return;
        Set(parent, key, new YamlScalarNode(value) { Style = style });
    }
}
