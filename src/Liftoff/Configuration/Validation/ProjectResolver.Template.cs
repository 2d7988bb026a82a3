using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>What project.yaml names in the template (functions, parameters, bucket names) is really there and fits AWS's limits.</summary>
internal sealed partial class ProjectResolver
{
    private void CheckFunctionResource(
        TemplateInfo template, string logicalId, string functionName, FunctionDefinition function, SourceMap map,
        SourceLocation whereName, IReadOnlyDictionary<string, string> templateValues)
    {
        var where = function.LogicalId is null ? whereName : map.Where(function, nameof(function.LogicalId));
        if (!template.Resources.TryGetValue(logicalId, out var resource) || resource.Type != "AWS::Lambda::Function")
        {
            var declared = template.ResourcesOfType("AWS::Lambda::Function").ToList();
            errors.Add(where.Error($"{template.File} has no AWS::Lambda::Function '{logicalId}'" +
                                   (function.LogicalId is null ? " (the default logical id; set 'logicalId' to name another)" : "") +
                                   $"; its functions: {List(declared)}"));
            return;
        }
        var nameNode = resource.Property("FunctionName");
        var expected = $"!Sub \"${{Project}}-${{Environment}}-lambda-{functionName.Split("-lambda-")[^1]}\"";
        if (nameNode is null)
        {
            errors.Add(resource.Location.Error($"'{logicalId}' has no FunctionName; Liftoff finds the function by name, so set FunctionName: {expected}"));
            return;
        }
        var actual = TemplateNames.Evaluate(nameNode, templateValues);
        if (actual is not null && actual != functionName)
            errors.Add(SourceLocation.At(template.File, nameNode.Start).Error(
                $"'{logicalId}' is named '{actual}' but Liftoff expects '{functionName}' ({{project}}-{{env}}-lambda-{{function}}); use FunctionName: {expected}"));
    }

    /// <summary>project.yaml and the template are one source of truth: two different runtimes is a mistake in one of them.</summary>
    private void CheckRuntimeAgrees(
        TemplateInfo template, string logicalId, string name, FunctionDefinition function, SourceMap map, IReadOnlyDictionary<string, string> templateValues)
    {
        if (function.Runtime is null || !System.Text.RegularExpressions.Regex.IsMatch(function.Runtime, FunctionDefinition.RuntimePattern) ||
            !template.Resources.TryGetValue(logicalId, out var resource) ||
            resource.Property("Runtime") is not { } node || TemplateNames.Evaluate(node, templateValues) is not { } written ||
            written == function.Runtime)
            return;
        var there = SourceLocation.At(template.File, node.Start);
        errors.Add(map.Where(function, nameof(function.Runtime)).Error(
            $"'functions.{name}.runtime' is {function.Runtime} but {there.File}:{there.Line}:{there.Column} gives '{logicalId}' Runtime: {written}; " +
            "they describe the same function: make them the same"));
    }

    private void CheckUndeclaredParameters(TemplateInfo template, IReadOnlySet<string> passed, IEnumerable<string> functionNames)
    {
        // From the names, not the resolved functions: a function with another error still gets its CodeKey.
        var codeKeys = functionNames.Select(name => Names.Pascal(name) + "CodeKey").ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in template.Parameters.Values)
        {
            if (parameter.Default is not null || passed.Contains(parameter.Name) || codeKeys.Contains(parameter.Name)) continue;
            errors.Add(parameter.Location.Error(parameter.NoEcho
                ? $"parameter '{parameter.Name}' is NoEcho, has no Default and Liftoff passes no value for it; set stackParameters.{parameter.Name}: {{ fromEnv: VARIABLE }} in project.yaml, or a dynamic reference"
                : $"parameter '{parameter.Name}' has no Default and Liftoff passes no value for it; give it a Default or set stackParameters.{parameter.Name} in project.yaml"));
        }
    }

    private void CheckBucketNames(TemplateInfo template, IReadOnlyDictionary<string, string> templateValues)
    {
        foreach (var resource in template.Resources.Values.Where(r => r.Type == "AWS::S3::Bucket"))
        {
            if (resource.Property("BucketName") is not { } node || TemplateNames.Evaluate(node, templateValues) is not { } name) continue;
            if (name.Length > Names.MaxBucketName)
                errors.Add(SourceLocation.At(template.File, node.Start).Error(
                    $"bucket name '{name}' of '{resource.LogicalId}' is {name.Length} characters; AWS allows {Names.MaxBucketName}. Shorten the project, environment or bucket name"));
        }
    }

    private static Dictionary<string, string> TemplateValues(
        TemplateInfo template, Dictionary<string, string> parameters, EnvironmentContext env, string stackName)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in template.Parameters.Values.Where(p => p.Default is not null)) values[parameter.Name] = parameter.Default!;
        foreach (var (name, value) in parameters) values[name] = value;
        values["AWS::Region"] = env.Region;
        // The longest an account id can be, so a length check holds for whichever account deploys.
        values["AWS::AccountId"] = env.Definition.AccountId ?? "123456789012";
        values["AWS::StackName"] = stackName;
        values["AWS::Partition"] = "aws";
        values["AWS::URLSuffix"] = "amazonaws.com";
        return values;
    }
}
