using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Evaluates the simple name expressions templates use (a literal, !Sub "${Project}-${Environment}-s3-x",
/// { "Fn::Sub": … }, or !Ref of a parameter) so names can be checked against AWS's limits before anything is deployed.
/// </summary>
internal static partial class TemplateNames
{
    /// <returns>The name, or null when it depends on something only known in AWS (another resource's attribute).</returns>
    public static string? Evaluate(YamlNode node, IReadOnlyDictionary<string, string> values)
    {
        if (ReferenceOf(node) is { } reference) return values.GetValueOrDefault(reference);
        string? pattern = node switch
        {
            YamlScalarNode literal when Tags.Of(literal) == "" => literal.Value,
            YamlScalarNode scalar when Tags.Of(scalar) == "!Sub" => scalar.Value,
            YamlMappingNode mapping when mapping.Children.Count == 1 &&
                mapping.Children.TryGetValue(new YamlScalarNode("Fn::Sub"), out var sub) && sub is YamlScalarNode s => s.Value,
            _ => null,
        };
        if (pattern is null) return null;
        if (node is YamlScalarNode && Tags.Of(node) == "") return pattern;
        var unknown = false;
        var result = Variable().Replace(pattern, m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out var value)) return value;
            unknown = true;
            return m.Value;
        });
        return unknown ? null : result;
    }

    /// <summary>The name in !Ref X or { Ref: X }, else null.</summary>
    private static string? ReferenceOf(YamlNode node) => node switch
    {
        YamlScalarNode scalar when Tags.Of(scalar) == "!Ref" => scalar.Value,
        YamlMappingNode mapping when mapping.Children.Count == 1 &&
            mapping.Children.TryGetValue(new YamlScalarNode("Ref"), out var name) && name is YamlScalarNode n => n.Value,
        _ => null,
    };

    [GeneratedRegex(@"\$\{([A-Za-z0-9:._]+)\}")]
    private static partial Regex Variable();
}
