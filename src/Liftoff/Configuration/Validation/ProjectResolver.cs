using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Checks one project's definition (overrides applied) for one environment and turns it into a
/// ProjectEnvironment: paths exist and stay inside the repository, names fit AWS's limits, and what
/// project.yaml names in the template (functions, parameters, outputs) is really there.
/// </summary>
internal sealed class ProjectResolver(
    string root,
    ICollection<ConfigurationError> errors,
    Func<string, SourceLocation, Task<TemplateInfo?>> readTemplate)
{
    private readonly RepositoryPaths _paths = new(root, errors);

    public async Task<ProjectEnvironment?> ResolveAsync(
        string project, string projectDirectory, ProjectDefinition definition, SourceMap map, EnvironmentContext env)
    {
        var errorsBefore = errors.Count;
        var values = env.PlaceholderValues(project);

        var templatePath = definition.Template is null
            ? null
            : _paths.Resolve(projectDirectory, definition.Template, "template", map.Where(definition, nameof(definition.Template)), PathKind.File);
        var template = templatePath is null ? null : await readTemplate(templatePath, map.Where(definition, nameof(definition.Template)));

        var stackName = Names.Stack(project, env.Name);
        if (stackName.Length > Names.MaxStackName)
            errors.Add(map.WhereIs(definition).Error(
                $"stack name '{stackName}' is {stackName.Length} characters; AWS allows {Names.MaxStackName}. Shorten the project or environment name"));

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project"] = project,
            ["Environment"] = env.Name,
            ["ArtifactBucket"] = env.ArtifactBucket,
        };
        var fromEnvironment = new List<StackParameterFromEnvironment>();
        if (definition.StackParameters is { } written)
            StackParameterValues.Resolve(written, map, template, (text, key, where) => Substitute(text, values, key, where),
                errors, parameters, fromEnvironment);

        var functions = ResolveFunctions(project, projectDirectory, definition, map, env, values, template, parameters, stackName);
        foreach (var function in functions)
        {
            // The function's settings reach the template as parameters it may declare (ApiMemorySize…);
            // a value written in stackParameters wins.
            var prefix = Names.Pascal(function.Name);
            parameters.TryAdd(prefix + "MemorySize", function.MemorySize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            parameters.TryAdd(prefix + "Timeout", function.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
            parameters.TryAdd(prefix + "Architecture", function.Architecture);
        }
        if (template is not null)
        {
            if (definition.Functions is { } declared)
                // A parameter written wrongly has its own error: "no value" would only repeat it.
                CheckUndeclaredParameters(template, parameters.Keys.Concat(definition.StackParameters?.Keys ?? []).ToHashSet(), declared.Keys);
            CheckBucketNames(template, TemplateValues(template, parameters, env, stackName));
        }

        var frontEnd = ResolveFrontEnd(projectDirectory, definition.FrontEnd, map);
        var outputs = ResolveOutputs(definition.Outputs, map, template);
        var rollout = ResolveRollout(definition.Rollout, definition.Rollout is null ? env.Map : map, env.Definition.Rollout);

        if (errors.Count > errorsBefore || templatePath is null) return null;
        return new ProjectEnvironment
        {
            Project = project,
            Environment = env.Name,
            ProjectDirectory = projectDirectory,
            Region = env.Region,
            AccountId = env.Definition.AccountId,
            EndpointUrl = env.Definition.EndpointUrl,
            ArtifactBucket = env.ArtifactBucket,
            RequiresApproval = env.Definition.RequiresApproval ?? false,
            TerminationProtection = env.Definition.TerminationProtection ?? false,
            Tags = Tags(definition, map, env, values),
            CiRoleArn = env.Definition.CiRoleArn,
            StackName = stackName,
            TemplatePath = templatePath,
            StackParameters = parameters,
            StackParametersFromEnvironment = fromEnvironment,
            TemplateParameters = template!.Parameters.Keys.Order(StringComparer.Ordinal).ToList(),
            Functions = functions,
            FrontEnd = frontEnd,
            Outputs = outputs,
            SmokeChecks = (definition.SmokeChecks ?? []).Select(ToSmokeCheck).ToList(),
            Rollout = rollout,
            Alarms = (definition.Alarms ?? []).Select((alarm, i) =>
                Substitute(alarm, values, $"alarms[{i}]", map.Where(definition.Alarms!, i.ToString()))).ToList(),
        };
    }

    private List<FunctionEnvironment> ResolveFunctions(
        string project, string projectDirectory, ProjectDefinition definition, SourceMap map, EnvironmentContext env,
        IReadOnlyDictionary<string, string?> values, TemplateInfo? template, Dictionary<string, string> parameters, string stackName)
    {
        var functions = new List<FunctionEnvironment>();
        foreach (var (name, function) in definition.Functions ?? new Dictionary<string, FunctionDefinition>())
        {
            var build = FunctionBuilds.Resolve(root, project, projectDirectory, name, function, map, _paths, errors);
            var functionName = Names.Function(project, env.Name, name);
            var whereName = map.Where(function, SourceMap.Key);
            if (functionName.Length > Names.MaxFunctionName)
                errors.Add(whereName.Error($"function name '{functionName}' is {functionName.Length} characters; " +
                                           $"AWS allows {Names.MaxFunctionName}. Shorten the project, environment or function name"));

            var logicalId = function.LogicalId ?? Names.Pascal(name) + "Function";
            if (template is not null)
                CheckFunctionResource(template, logicalId, functionName, function, map, whereName,
                    TemplateValues(template, parameters, env, stackName));

            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in function.Environment ?? new Dictionary<string, string>())
                variables[key] = Substitute(value, values, $"functions.{name}.environment.{key}", map.Where(function.Environment!, key));

            if (build is null) continue;
            functions.Add(new FunctionEnvironment
            {
                Name = name,
                Runtime = build.Runtime,
                Handler = build.Handler,
                Builder = build.Builder,
                SourceDirectory = build.SourceDirectory,
                StagingDirectory = build.StagingDirectory,
                FunctionName = functionName,
                LogicalId = logicalId,
                CodeKeyParameter = Names.Pascal(name) + "CodeKey",
                MemorySize = function.MemorySize ?? FunctionDefinition.DefaultMemorySize,
                Timeout = function.Timeout ?? FunctionDefinition.DefaultTimeout,
                Architecture = build.Architecture,
                EnvironmentVariables = variables,
                Include = function.Include ?? ["**/*"],
                Exclude = function.Exclude ?? FunctionBuilds.DefaultExclude(build.Builder),
            });
        }
        return functions;
    }

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

    private FrontEnd? ResolveFrontEnd(string projectDirectory, FrontEndDefinition? frontEnd, SourceMap map)
    {
        if (frontEnd?.Source is null || frontEnd.Build is null || frontEnd.Output is null) return null;
        var source = _paths.Resolve(projectDirectory, frontEnd.Source, "frontEnd.source", map.Where(frontEnd, nameof(frontEnd.Source)), PathKind.Directory);
        var output = _paths.Resolve(projectDirectory, frontEnd.Output, "frontEnd.output", map.Where(frontEnd, nameof(frontEnd.Output)), PathKind.Directory, mustExist: false);
        return source is null || output is null ? null : new FrontEnd(source, frontEnd.Build, output);
    }

    private StackOutputs ResolveOutputs(OutputsDefinition? outputs, SourceMap map, TemplateInfo? template)
    {
        StackOutputReference? One(OutputReferenceDefinition? reference, string key)
        {
            if (reference?.Output is null || reference.Resource is null) return null;
            if (template is not null)
            {
                if (!template.Outputs.Contains(reference.Output))
                    errors.Add(map.Where(reference, nameof(reference.Output)).Error(
                        $"'outputs.{key}.output': {template.File} has no output '{reference.Output}'; its outputs: {List(template.Outputs)}"));
                if (!template.Resources.ContainsKey(reference.Resource))
                    errors.Add(map.Where(reference, nameof(reference.Resource)).Error(
                        $"'outputs.{key}.resource': {template.File} has no resource '{reference.Resource}'; " +
                        $"did you mean '{Suggestions.Nearest(reference.Resource, template.Resources.Keys) ?? List(template.Resources.Keys)}'?"));
            }
            return new StackOutputReference(reference.Output, reference.Resource);
        }

        return new StackOutputs(One(outputs?.ApiUrl, "apiUrl"), One(outputs?.SiteBucket, "siteBucket"), One(outputs?.DistributionId, "distributionId"));
    }

    private Rollout ResolveRollout(RolloutDefinition? own, SourceMap map, RolloutDefinition? environmentDefault)
    {
        var rollout = own ?? environmentDefault;
        if (rollout?.Strategy is null) return Rollout.AllAtOnce;
        var where = map.WhereIs(rollout);
        switch (rollout.Strategy)
        {
            case RolloutDefinition.AllAtOnce:
                if (rollout.Percent is not null)
                    errors.Add(map.Where(rollout, nameof(rollout.Percent)).Error("'percent' applies to canary and linear rollouts only; remove it or choose one of those"));
                return Rollout.AllAtOnce;
            case RolloutDefinition.Canary when rollout.Percent is { } percent:
                return new Rollout(RolloutStrategy.Canary, percent, rollout.IntervalMinutes ?? 10, 1);
            case RolloutDefinition.Linear when rollout.Percent is { } percent:
                if (percent > 50)
                    errors.Add(map.Where(rollout, nameof(rollout.Percent)).Error($"a linear rollout of {percent}% a step is a canary; use at most 50 or strategy: canary"));
                return new Rollout(RolloutStrategy.Linear, percent, rollout.IntervalMinutes ?? 1, (int)Math.Ceiling(100.0 / percent) - 1);
            default:
                errors.Add(where.Error($"a {rollout.Strategy} rollout needs 'percent': the share of traffic to move a step (e.g. percent: 10)"));
                return Rollout.AllAtOnce;
        }
    }

    private Dictionary<string, string> Tags(ProjectDefinition definition, SourceMap map, EnvironmentContext env, IReadOnlyDictionary<string, string?> values)
    {
        var tags = new Dictionary<string, string>(env.Definition.Tags ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in definition.Tags ?? new Dictionary<string, string>())
            tags[key] = Substitute(value, values, $"tags.{key}", map.Where(definition.Tags!, key));
        return tags;
    }

    private static SmokeCheck ToSmokeCheck(SmokeCheckDefinition check)
    {
        var method = check.Method ?? "GET";
        return new SmokeCheck(check.Name ?? $"{method} {check.Path}", method, check.Path!, check.Status ?? 200, check.BodyContains, check.Body);
    }

    private string Substitute(string text, IReadOnlyDictionary<string, string?> values, string key, SourceLocation where)
    {
        var (result, problem) = Placeholders.Replace(text, values);
        if (problem is not null) errors.Add(where.Error($"'{key}' {problem}"));
        return result;
    }

    private static string List(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
