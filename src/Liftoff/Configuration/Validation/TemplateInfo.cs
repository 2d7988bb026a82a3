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

internal sealed record TemplateParameter(string Name, string? Default, SourceLocation Location);

internal sealed record TemplateResource(string LogicalId, string Type, YamlMappingNode? Properties, SourceLocation Location)
{
    public YamlNode? Property(string name) =>
        Properties?.Children.TryGetValue(new YamlScalarNode(name), out var value) == true ? value : null;
}
