using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Turns project.yaml's stackParameters into the values a deploy passes: plain values (placeholders replaced, dynamic
/// references kept as they are for CloudFormation to resolve) and the parameters read from the environment at deploy
/// time. A NoEcho parameter is never taken from plain text: project.yaml is committed.
/// </summary>
internal static partial class StackParameterValues
{
    public static void Resolve(
        IReadOnlyDictionary<string, StackParameterDefinition> written, SourceMap map, TemplateInfo? template,
        Func<string, string, SourceLocation, string> substitute, ICollection<ConfigurationError> errors,
        Dictionary<string, string> parameters, List<StackParameterFromEnvironment> fromEnvironment)
    {
        foreach (var (name, definition) in written)
        {
            var where = map.Where(written, name);
            var declared = template?.Parameters.GetValueOrDefault(name);
            if (template is not null && declared is null)
                errors.Add(where.Error($"stack parameter '{name}' is not declared by {template.File}; it declares: {List(template.Parameters.Keys)}"));

            if ((definition.Value is null) == (definition.FromEnv is null))
                errors.Add(where.Error($"'stackParameters.{name}' needs either a value or fromEnv (e.g. {name}: {{ fromEnv: {Variable(name)} }}), not " +
                                       (definition.Value is null ? "neither" : "both")));
            else if (definition.FromEnv is { } variable)
                FromEnvironment(name, variable, declared, template, map.Where(definition, nameof(definition.FromEnv)), errors, fromEnvironment);
            else if (Plain(name, definition.Value!, declared, template, map.Where(definition, nameof(definition.Value)), substitute, errors) is { } value)
                parameters[name] = value;
        }
    }

    private static void FromEnvironment(string name, string variable, TemplateParameter? declared, TemplateInfo? template,
        SourceLocation where, ICollection<ConfigurationError> errors, List<StackParameterFromEnvironment> fromEnvironment)
    {
        if (declared is { NoEcho: false })
            errors.Add(where.Error($"'stackParameters.{name}' reads {variable} from the environment, but '{name}' in {template!.File} is not NoEcho, " +
                                   "so CloudFormation would show the value in the console and DescribeStacks; add NoEcho: true to the parameter"));
        fromEnvironment.Add(new StackParameterFromEnvironment(name, variable, where.File, where.Line, where.Column));
    }

    private static string? Plain(string name, string written, TemplateParameter? declared, TemplateInfo? template, SourceLocation where,
        Func<string, string, SourceLocation, string> substitute, ICollection<ConfigurationError> errors)
    {
        if (written.Contains("{{resolve:", StringComparison.Ordinal))
        {
            // Passed as it is: CloudFormation resolves it where a resource uses the parameter. Placeholders may name the path.
            var reference = substitute(written, $"stackParameters.{name}", where);
            if (DynamicReference().IsMatch(reference)) return reference;
            errors.Add(where.Error($"'stackParameters.{name}' is '{written}', which is not a dynamic reference CloudFormation resolves; " +
                                   "use {{resolve:ssm:NAME}}, {{resolve:ssm-secure:NAME}} or {{resolve:secretsmanager:SECRET-ID[:SecretString:KEY]}}"));
            return null;
        }
        if (declared is { NoEcho: true })
        {
            // The value is a secret that is already in the file: say where, never what.
            errors.Add(where.Error($"'stackParameters.{name}' is written in plain text, but '{name}' is NoEcho in {template!.File}: " +
                                   $"a secret must not sit in project.yaml, which is committed. Use {name}: {{ fromEnv: {Variable(name)} }} and export " +
                                   $"{Variable(name)} when deploying (in CI, from a secret), or a dynamic reference such as " +
                                   "'{{resolve:ssm-secure:/path/to/secret}}' or '{{resolve:secretsmanager:secret-id:SecretString:key}}'"));
            return null;
        }
        return substitute(written, $"stackParameters.{name}", where);
    }

    /// <summary>DbPassword → DB_PASSWORD, for the suggested variable name.</summary>
    private static string Variable(string parameter) => Snake().Replace(parameter, "$1_$2").ToUpperInvariant();

    private static string List(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    // CloudFormation's dynamic references: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
    [GeneratedRegex(@"^\{\{resolve:(ssm|ssm-secure|secretsmanager):[^{}\s]+\}\}$")]
    private static partial Regex DynamicReference();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Snake();
}
