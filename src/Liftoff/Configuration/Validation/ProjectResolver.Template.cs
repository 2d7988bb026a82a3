using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>What project.yaml names in the template (parameters, bucket names) is really there and fits AWS's limits.</summary>
internal sealed partial class ProjectResolver
{
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
