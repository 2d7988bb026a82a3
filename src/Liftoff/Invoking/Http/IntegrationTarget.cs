using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Invoking.Http;

/// <summary>
/// The function a Lambda proxy integration's URI calls. The URI names the function's ARN, an alias's
/// (<c>${ApiFunction.Arn}:live</c>, or <c>${ApiFunctionAliaslive}</c> as aws-sam-translator writes for
/// AutoPublishAlias) or a version's, or a literal ARN.
/// </summary>
internal static partial class IntegrationTarget
{
    private static readonly string[] FunctionTypes = ["AWS::Lambda::Function", "AWS::Serverless::Function"];
    private static readonly string[] QualifierTypes = ["AWS::Lambda::Alias", "AWS::Lambda::Version"];

    public static (string? LogicalId, string? Name) Of(TemplateResources template, YamlNode? uri)
    {
        if (uri is null) return (null, null);
        foreach (var resource in template.ReferencedBy(uri))
        {
            if (FunctionTypes.Contains(resource.Type)) return (resource.LogicalId, null);
            if (QualifierTypes.Contains(resource.Type) && resource.Property("FunctionName") is { } function &&
                template.ReferencedBy(function).FirstOrDefault(r => FunctionTypes.Contains(r.Type)) is { } target)
                return (target.LogicalId, null);
        }
        foreach (var literal in TemplateResources.Literals(uri))
            if (FunctionArn().Match(literal) is { Success: true } match) return (null, match.Groups[1].Value);
        return (null, null);
    }

    [GeneratedRegex(@":function:([A-Za-z0-9_-]+)")]
    private static partial Regex FunctionArn();
}
