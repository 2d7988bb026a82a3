using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>What the configuration checks need of a CloudFormation template: parameters, resources, outputs.</summary>
internal sealed record TemplateInfo(
    string File,
    IReadOnlyDictionary<string, TemplateParameter> Parameters,
    IReadOnlyDictionary<string, TemplateResource> Resources,
    IReadOnlySet<string> Outputs)
{
    public IEnumerable<string> ResourcesOfType(string type) =>
        Resources.Values.Where(r => r.Type == type).Select(r => r.LogicalId).Order(StringComparer.Ordinal);
}

/// <param name="NoEcho">Declared with NoEcho: true: CloudFormation hides the value, and project.yaml must not hold it in plain text.</param>
internal sealed record TemplateParameter(string Name, string? Default, SourceLocation Location, bool NoEcho = false);

internal sealed record TemplateResource(string LogicalId, string Type, YamlMappingNode? Properties, SourceLocation Location)
{
    public YamlNode? Property(string name) =>
        Properties?.Children.TryGetValue(new YamlScalarNode(name), out var value) == true ? value : null;
}
