using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Invoking.Http;

/// <summary>One resource of a deployed template: its type and its Properties node.</summary>
public sealed record TemplateResource(string LogicalId, string Type, YamlMappingNode Properties)
{
    public YamlNode? Property(string name) =>
        Properties.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;

    public string? Text(string name) => Property(name) is YamlScalarNode { Tag.IsLocal: false } scalar ? scalar.Value : null;
}

/// <summary>
/// The resources of a CloudFormation template (YAML or JSON, short or long intrinsic forms), and what a value
/// refers to: Ref, Fn::GetAtt and the ${Name} and ${Name.Attribute} of Fn::Sub, wherever they are nested.
/// </summary>
public sealed partial class TemplateResources
{
    private TemplateResources(IReadOnlyDictionary<string, TemplateResource> resources) => All = resources;

    public IReadOnlyDictionary<string, TemplateResource> All { get; }

    public IEnumerable<TemplateResource> OfType(string type) =>
        All.Values.Where(r => r.Type == type).OrderBy(r => r.LogicalId, StringComparer.Ordinal);

    public TemplateResource? Find(string logicalId) => All.GetValueOrDefault(logicalId);

    /// <exception cref="InvokeException">The text is not a template.</exception>
    public static TemplateResources Parse(string body)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(body));
        }
        catch (YamlException e)
        {
            throw new InvokeException($"The deployed template cannot be read ({e.Message}).", e);
        }
        var resources = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
        if (yaml.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root &&
            root.Children.TryGetValue(new YamlScalarNode("Resources"), out var section) && section is YamlMappingNode entries)
            foreach (var (key, value) in entries.Children)
                if (key is YamlScalarNode { Value: { } id } && value is YamlMappingNode resource)
                    resources[id] = new TemplateResource(id,
                        resource.Children.TryGetValue(new YamlScalarNode("Type"), out var type) ? (type as YamlScalarNode)?.Value ?? "" : "",
                        resource.Children.TryGetValue(new YamlScalarNode("Properties"), out var properties) && properties is YamlMappingNode p ? p : new YamlMappingNode());
        return new TemplateResources(resources);
    }

    /// <summary>The resources a value refers to, in the order written (pseudo parameters and template parameters left out).</summary>
    public IReadOnlyList<TemplateResource> ReferencedBy(YamlNode node) =>
        Names(node).Distinct().Select(Find).OfType<TemplateResource>().ToList();

    /// <summary>Every scalar of a value that is not an intrinsic's argument, e.g. a literal function ARN.</summary>
    public static IEnumerable<string> Literals(YamlNode node) => node switch
    {
        _ when node.Tag.IsLocal => [],
        YamlScalarNode { Value: { } value } => [value],
        YamlSequenceNode list => list.Children.SelectMany(Literals),
        YamlMappingNode map when !IsIntrinsic(map) => map.Children.Values.SelectMany(Literals),
        _ => [],
    };

    private static IEnumerable<string> Names(YamlNode node)
    {
        // A plain node's tag is empty or non-specific, and reading its Value throws.
        var tag = node.Tag.IsLocal ? node.Tag.Value : "";
        switch (node)
        {
            case YamlScalarNode { Value: { } name } when tag == "!Ref":
                return [name];
            case YamlScalarNode { Value: { } target } when tag == "!GetAtt":
                return [target.Split('.')[0]];
            case YamlScalarNode { Value: { } text } when tag == "!Sub":
                return SubNames(text);
            case YamlSequenceNode getAtt when tag == "!GetAtt" && getAtt.Children.FirstOrDefault() is YamlScalarNode { Value: { } first }:
                return [first];
            case YamlSequenceNode sub when tag == "!Sub" && sub.Children.FirstOrDefault() is YamlScalarNode { Value: { } text }:
                var local = sub.Children.Skip(1).OfType<YamlMappingNode>().SelectMany(m => m.Children.Keys).OfType<YamlScalarNode>()
                    .Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
                return SubNames(text).Where(n => !local.Contains(n)).Concat(sub.Children.Skip(1).SelectMany(Names));
            case YamlMappingNode map when map.Children.Count == 1 && map.Children.Keys.Single() is YamlScalarNode { Value: { } function }:
                var argument = map.Children.Values.Single();
                return function switch
                {
                    "Ref" when argument is YamlScalarNode { Value: { } name } => [name],
                    "Fn::GetAtt" when argument is YamlScalarNode { Value: { } target } => [target.Split('.')[0]],
                    "Fn::GetAtt" when argument is YamlSequenceNode { Children: [YamlScalarNode { Value: { } first }, ..] } => [first],
                    "Fn::Sub" when argument is YamlScalarNode { Value: { } text } => SubNames(text),
                    "Fn::Sub" when argument is YamlSequenceNode list => Names(new YamlSequenceNode(list.Children) { Tag = "!Sub" }),
                    _ => Names(argument),
                };
            case YamlMappingNode map:
                return map.Children.Values.SelectMany(Names);
            case YamlSequenceNode list:
                return list.Children.SelectMany(Names);
            default:
                return [];
        }
    }

    private static bool IsIntrinsic(YamlMappingNode map) =>
        map.Children.Count == 1 && map.Children.Keys.Single() is YamlScalarNode { Value: { } key } && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal));

    private static IEnumerable<string> SubNames(string text) =>
        SubVariable().Matches(text).Select(m => m.Groups[1].Value.Split('.')[0]).Where(n => !n.StartsWith("AWS::", StringComparison.Ordinal));

    [GeneratedRegex(@"\$\{(?!!)([A-Za-z0-9:._]+)\}")]
    private static partial Regex SubVariable();
}
