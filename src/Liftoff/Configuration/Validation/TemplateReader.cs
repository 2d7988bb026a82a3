using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>Reads a CloudFormation template (YAML or JSON; short-form tags such as !Ref are kept as tags).</summary>
internal static class TemplateReader
{
    public static async Task<TemplateInfo?> ReadAsync(
        string path, string file, ICollection<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var root = await YamlDocumentReader.ReadAsync(path, file, errors, cancellationToken);
        if (root is null) return null;
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(SourceLocation.At(file, root.Start).Error("is not a CloudFormation template: expected a mapping with Resources"));
            return null;
        }

        var parameters = new Dictionary<string, TemplateParameter>(StringComparer.Ordinal);
        foreach (var (name, node) in Section(mapping, "Parameters"))
        {
            var defaultValue = node is YamlMappingNode p &&
                               p.Children.TryGetValue(new YamlScalarNode("Default"), out var d) && d is YamlScalarNode ds
                ? ds.Value ?? ""
                : null;
            // CloudFormation accepts NoEcho as the boolean or the string "true".
            var noEcho = node is YamlMappingNode q &&
                         q.Children.TryGetValue(new YamlScalarNode("NoEcho"), out var n) && n is YamlScalarNode { Value: { } flag } &&
                         string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
            parameters[name.Value!] = new TemplateParameter(name.Value!, defaultValue, SourceLocation.At(file, name.Start), noEcho);
        }

        var resources = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
        foreach (var (name, node) in Section(mapping, "Resources"))
        {
            var body = node as YamlMappingNode;
            var type = body?.Children.TryGetValue(new YamlScalarNode("Type"), out var t) == true ? (t as YamlScalarNode)?.Value : null;
            var properties = body?.Children.TryGetValue(new YamlScalarNode("Properties"), out var props) == true ? props as YamlMappingNode : null;
            resources[name.Value!] = new TemplateResource(name.Value!, type ?? "", properties, SourceLocation.At(file, name.Start)) { Body = body };
        }
        if (resources.Count == 0)
            errors.Add(SourceLocation.At(file, root.Start).Error("is not a CloudFormation template: it has no Resources"));

        var outputs = Section(mapping, "Outputs").Select(o => o.Name.Value!).ToHashSet(StringComparer.Ordinal);
        return new TemplateInfo(file, parameters, resources, outputs)
        {
            FullPath = path,
            Serverless = DeclaresSam(mapping),
            FunctionGlobals = Section(mapping, "Globals").FirstOrDefault(g => g.Name.Value == "Function").Node as YamlMappingNode,
        };
    }

    /// <summary>Transform: AWS::Serverless-2016-10-31, alone or in a list of transforms.</summary>
    private static bool DeclaresSam(YamlMappingNode template) =>
        template.Children.TryGetValue(new YamlScalarNode("Transform"), out var transform) && transform switch
        {
            YamlScalarNode one => one.Value == TemplateInfo.SamTransform,
            YamlSequenceNode many => many.Children.OfType<YamlScalarNode>().Any(t => t.Value == TemplateInfo.SamTransform),
            _ => false,
        };

    private static IEnumerable<(YamlScalarNode Name, YamlNode Node)> Section(YamlMappingNode template, string section) =>
        template.Children.TryGetValue(new YamlScalarNode(section), out var node) && node is YamlMappingNode entries
            ? entries.Children.Where(e => e.Key is YamlScalarNode { Value: not null })
                .Select(e => ((YamlScalarNode)e.Key, e.Value))
            : [];
}
