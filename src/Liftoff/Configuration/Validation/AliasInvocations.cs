using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Warns when an event source (an API integration, a permission, an event source mapping, a bucket
/// notification, a subscription, a rule) invokes a function Liftoff rolls out without naming the alias.
/// Liftoff publishes a version and moves the alias: a caller of the unqualified function runs $LATEST,
/// which has the new code at once, so a canary or linear rollout controls none of that traffic.
/// </summary>
internal static partial class AliasInvocations
{
    /// <param name="functions">Logical ids of the functions whose alias Liftoff moves.</param>
    public static void Check(TemplateInfo template, IReadOnlyCollection<string> functions, ICollection<ConfigurationError> warnings)
    {
        foreach (var resource in template.Resources.Values.OrderBy(r => r.LogicalId, StringComparer.Ordinal))
        foreach (var value in InvokingValues(resource))
        foreach (var (function, node) in UnqualifiedReferences(value, functions))
            warnings.Add(SourceLocation.At(template.File, node.Start).Error(
                $"'{resource.LogicalId}' ({resource.Type}) invokes '{function}' without a qualifier, so it always runs $LATEST: " +
                $"Liftoff moves the alias '{Names.LiveAlias}', and a canary or linear rollout controls none of this traffic. " +
                $"Invoke the alias, e.g. !Sub \"${{{function}.Arn}}:{Names.LiveAlias}\" (and give its Lambda::Permission the same qualified name)"));
    }

    /// <summary>The values through which a resource of each type names the function it invokes.</summary>
    private static IEnumerable<YamlNode> InvokingValues(TemplateResource resource) => resource.Type switch
    {
        "AWS::ApiGateway::Method" => At(resource.Properties, "Integration", "Uri"),
        "AWS::ApiGatewayV2::Integration" => At(resource.Properties, "IntegrationUri"),
        // An inline OpenAPI body (SAM's expanded APIs): every x-amazon-apigateway-integration's uri.
        "AWS::ApiGateway::RestApi" or "AWS::ApiGatewayV2::Api" => At(resource.Properties, "Body").SelectMany(IntegrationUris),
        "AWS::Lambda::Permission" or "AWS::Lambda::EventSourceMapping" => At(resource.Properties, "FunctionName"),
        "AWS::S3::Bucket" => Each(At(resource.Properties, "NotificationConfiguration", "LambdaConfigurations"), "Function"),
        "AWS::SNS::Subscription" => At(resource.Properties, "Endpoint"),
        "AWS::SNS::Topic" => Each(At(resource.Properties, "Subscription"), "Endpoint"),
        "AWS::Events::Rule" => Each(At(resource.Properties, "Targets"), "Arn"),
        "AWS::Scheduler::Schedule" => At(resource.Properties, "Target", "Arn"),
        _ => [],
    };

    /// <summary>Each reference to one of the functions in a value that does not go through a qualifier (":live", ":${Alias}").</summary>
    private static IEnumerable<(string Function, YamlNode Node)> UnqualifiedReferences(YamlNode value, IReadOnlyCollection<string> functions)
    {
        switch (value)
        {
            case YamlScalarNode { Value: { } text } scalar when Tags.Of(scalar) == "!Sub":
                foreach (var function in SubReferences(text, functions)) yield return (function, value);
                yield break;
            case YamlSequenceNode sequence when Tags.Of(sequence) == "!Sub" && sequence.Children.FirstOrDefault() is YamlScalarNode { Value: { } first }:
                foreach (var function in SubReferences(first, functions)) yield return (function, value);
                yield break;
            case YamlMappingNode mapping when mapping.Children.Count == 1 && Single(mapping, "Fn::Sub") is { } sub:
                foreach (var reference in UnqualifiedReferences(Retag(sub, "!Sub"), functions)) yield return (reference.Function, value);
                yield break;
            case YamlSequenceNode join when Tags.Of(join) == "!Join":
                foreach (var reference in JoinReferences(join, functions)) yield return reference;
                yield break;
            case YamlMappingNode mapping when mapping.Children.Count == 1 && Single(mapping, "Fn::Join") is YamlSequenceNode join:
                foreach (var reference in JoinReferences(join, functions)) yield return reference;
                yield break;
        }
        if (Referenced(value) is { } referenced && functions.Contains(referenced))
        {
            yield return (referenced, value);
            yield break;
        }
        // Anything else (!If, !Select…) may hold a reference further down.
        IEnumerable<YamlNode> children = value switch
        {
            YamlMappingNode mapping => mapping.Children.Values,
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var child in children)
        foreach (var reference in UnqualifiedReferences(child, functions))
            yield return reference;
    }

    /// <summary>The function a !Ref or !GetAtt X.Arn (short or long form) names: the unqualified function.</summary>
    private static string? Referenced(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } name } scalar when Tags.Of(scalar) == "!Ref" => name,
        YamlScalarNode { Value: { } path } scalar when Tags.Of(scalar) == "!GetAtt" => path.Split('.')[0],
        YamlSequenceNode sequence when Tags.Of(sequence) == "!GetAtt" && sequence.Children.FirstOrDefault() is YamlScalarNode { Value: { } name } => name,
        YamlMappingNode mapping when mapping.Children.Count == 1 && Single(mapping, "Ref") is YamlScalarNode { Value: { } name } => name,
        YamlMappingNode mapping when mapping.Children.Count == 1 && Single(mapping, "Fn::GetAtt") is { } attribute =>
            Referenced(Retag(attribute, "!GetAtt")),
        _ => null,
    };

    private static IEnumerable<string> SubReferences(string text, IReadOnlyCollection<string> functions) =>
        SubVariable().Matches(text)
            .Where(m => functions.Contains(m.Groups["name"].Value) && !text[(m.Index + m.Length)..].StartsWith(':'))
            .Select(m => m.Groups["name"].Value)
            .Distinct();

    /// <summary>!Join [delimiter, [parts]]: a reference is qualified when the delimiter or the next part starts with ':'.</summary>
    private static IEnumerable<(string, YamlNode)> JoinReferences(YamlSequenceNode join, IReadOnlyCollection<string> functions)
    {
        if (join.Children.Count != 2 || join.Children[1] is not YamlSequenceNode parts) yield break;
        var delimiter = (join.Children[0] as YamlScalarNode)?.Value ?? "";
        for (var i = 0; i < parts.Children.Count; i++)
        {
            if (Referenced(parts.Children[i]) is not { } name || !functions.Contains(name)) continue;
            var next = i + 1 < parts.Children.Count ? (parts.Children[i + 1] as YamlScalarNode)?.Value ?? "" : "";
            if (!(delimiter + next).StartsWith(':')) yield return (name, parts.Children[i]);
        }
    }

    private static IEnumerable<YamlNode> IntegrationUris(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "x-amazon-apigateway-integration" } && value is YamlMappingNode integration &&
                        Single(integration, "uri") is { } uri)
                        yield return uri;
                    else
                        foreach (var found in IntegrationUris(value)) yield return found;
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var found in sequence.Children.SelectMany(IntegrationUris)) yield return found;
                break;
        }
    }

    private static IEnumerable<YamlNode> At(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || Single(mapping, key) is not { } next) return [];
            node = next;
        }
        return node is null ? [] : [node];
    }

    private static IEnumerable<YamlNode> Each(IEnumerable<YamlNode> lists, string key) =>
        lists.OfType<YamlSequenceNode>().SelectMany(list => list.Children).SelectMany(item => At(item, key));

    private static YamlNode? Single(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A long-form intrinsic's argument read as its short form (Fn::Sub: x as !Sub x).</summary>
    private static YamlNode Retag(YamlNode node, string tag) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Tag = tag },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children) { Tag = tag },
        _ => node,
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9]+)(\.Arn)?\}")]
    private static partial Regex SubVariable();
}
