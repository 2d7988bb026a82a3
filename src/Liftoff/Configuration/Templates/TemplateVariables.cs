using Liftoff.Configuration.Validation;
using YamlDotNet.RepresentationModel;
using static Liftoff.Configuration.Templates.TemplateNodes;

namespace Liftoff.Configuration.Templates;

/// <summary>
/// A function's Environment.Variables as the template declares them (SAM's Globals first, the function's own over
/// them), with the values the handler check can know before the stack exists. A handler that reads its table's name
/// at import (<c>TABLE_NAME: !Ref Table</c>, AWS's own samples do) must load in Package as it loads in Lambda.
/// </summary>
internal static class TemplateVariables
{
    /// <summary>Stands for a value only the stack knows (a resource's name, an attribute, a !Sub): a name a handler can hold, not call.</summary>
    public static string StandIn(string variable) => $"liftoff-handler-check-{variable.ToLowerInvariant().Replace('_', '-')}";

    /// <summary>
    /// Name → value: a literal as written; a !Ref to a parameter as the environment's stack parameters or the
    /// parameter's default give it (not a NoEcho one); anything else (a resource, !GetAtt, !Sub, !If) <see cref="StandIn"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(
        TemplateInfo template, IReadOnlyDictionary<string, string> stackParameters, IEnumerable<YamlNode> environments)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var environment in environments)
            if (Child(environment, "Variables") is YamlMappingNode mapping)
                foreach (var (key, value) in mapping.Children)
                    if (Literal(key) is { } name)
                        variables[name] = ValueOf(template, stackParameters, name, value);
        return variables;
    }

    private static string ValueOf(TemplateInfo template, IReadOnlyDictionary<string, string> stackParameters, string name, YamlNode value) =>
        Literal(value)
        // A NoEcho parameter's value stays out of the check: the stand-in is enough to load.
        ?? (Ref(value) is { } parameter && template.Parameters.TryGetValue(parameter, out var declared) && !declared.NoEcho
            ? stackParameters.GetValueOrDefault(parameter) ?? declared.Default
            : null)
        ?? StandIn(name);
}
