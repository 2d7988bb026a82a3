using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Checks one project's definition (overrides applied) for one environment and turns it into a
/// ProjectEnvironment: paths exist and stay inside the repository, names fit AWS's limits, and what
/// project.yaml names in the template (functions, parameters, outputs) is really there.
/// </summary>
internal sealed partial class ProjectResolver(
    string root,
    ICollection<ConfigurationError> errors,
    ICollection<ConfigurationError> warnings,
    Func<string, SourceLocation, Task<TemplateInfo?>> readTemplate)
{
    private readonly RepositoryPaths _paths = new(root, errors);

    public async Task<ProjectEnvironment?> ResolveAsync(
        string project, string projectDirectory, ProjectDefinition definition, SourceMap map, EnvironmentContext env)
    {
        var errorsBefore = errors.Count;
        var values = env.PlaceholderValues(project);
        var whereTemplate = map.Where(definition, nameof(definition.Template));
        var templatePath = definition.Template is null
            ? null
            : _paths.Resolve(projectDirectory, definition.Template, "template", whereTemplate, PathKind.File);
        var template = templatePath is null ? null : await readTemplate(templatePath, whereTemplate);
        var stackName = StackName(project, env, definition, map);
        var fromEnvironment = new List<StackParameterFromEnvironment>();
        var parameters = StackParameters(project, env, definition, map, values, template, fromEnvironment);
        var functions = ResolveFunctions(project, projectDirectory, definition, map, env, values, template, parameters, stackName);
        AddFunctionSettings(parameters, functions);
        if (template is not null)
        {
            // A parameter written wrongly has its own error: "no value" would only repeat it.
            if (definition.Functions is { } declared)
                CheckUndeclaredParameters(template, parameters.Keys.Concat(definition.StackParameters?.Keys ?? []).ToHashSet(), declared.Keys);
            CheckBucketNames(template, TemplateValues(template, parameters, env, stackName));
            PhysicalNames.Check(template, warnings);
            AliasInvocations.Check(template, functions.Select(f => f.LogicalId).ToList(), warnings);
        }
        var frontEnd = ResolveFrontEnd(projectDirectory, definition.FrontEnd, map);
        var outputs = ResolveOutputs(definition.Outputs, map, template);
        var rollout = ResolveRollout(definition.Rollout, definition.Rollout is null ? env.Map : map, env.Definition.Rollout);
        var smokeChecks = new SmokeChecks(errors, map).Resolve(definition, (definition.Functions?.Keys ?? []).ToList(),
            (text, key, where) => Substitute(text, values, key, where));

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
            Pipeline = PipelineSettings.From(env.Name, env.Definition.Pipeline),
            StackName = stackName,
            TemplatePath = templatePath,
            StackParameters = parameters,
            StackParametersFromEnvironment = fromEnvironment,
            TemplateParameters = template!.Parameters.Keys.Order(StringComparer.Ordinal).ToList(),
            Functions = functions,
            FrontEnd = frontEnd,
            Outputs = outputs,
            SmokeChecks = smokeChecks,
            Smoke = new SmokeSettings(
                TimeSpan.FromSeconds(definition.SmokeTimeoutSeconds ?? SmokeSettings.DefaultTimeoutSeconds), definition.RollbackOnFailure ?? true),
            Rollout = rollout,
            Alarms = (definition.Alarms ?? []).Select((alarm, i) =>
                Substitute(alarm, values, $"alarms[{i}]", map.Where(definition.Alarms!, i.ToString()))).ToList(),
        };
    }

    /// <summary>{project}-{env}, checked against CloudFormation's length limit.</summary>
    private string StackName(string project, EnvironmentContext env, ProjectDefinition definition, SourceMap map)
    {
        var stackName = Names.Stack(project, env.Name);
        if (stackName.Length > Names.MaxStackName)
            errors.Add(map.WhereIs(definition).Error(
                $"stack name '{stackName}' is {stackName.Length} characters; AWS allows {Names.MaxStackName}. Shorten the project or environment name"));
        return stackName;
    }

    /// <summary>
    /// Project, Environment and ArtifactBucket, then stackParameters (placeholders replaced), each declared by the
    /// template; those read from the environment at deploy time go to <paramref name="fromEnvironment"/>.
    /// </summary>
    private Dictionary<string, string> StackParameters(
        string project, EnvironmentContext env, ProjectDefinition definition, SourceMap map,
        IReadOnlyDictionary<string, string?> values, TemplateInfo? template, List<StackParameterFromEnvironment> fromEnvironment)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project"] = project,
            ["Environment"] = env.Name,
            ["ArtifactBucket"] = env.ArtifactBucket,
        };
        if (definition.StackParameters is { } written)
            StackParameterValues.Resolve(written, map, template, (text, key, where) => Substitute(text, values, key, where),
                errors, parameters, fromEnvironment);
        return parameters;
    }

    /// <summary>
    /// The functions' settings reach the template as parameters it may declare (ApiMemorySize…); a value
    /// written in stackParameters wins.
    /// </summary>
    private static void AddFunctionSettings(Dictionary<string, string> parameters, IEnumerable<FunctionEnvironment> functions)
    {
        foreach (var function in functions)
        {
            var prefix = Names.Pascal(function.Name);
            parameters.TryAdd(prefix + "MemorySize", function.MemorySize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            parameters.TryAdd(prefix + "Timeout", function.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
            parameters.TryAdd(prefix + "Architecture", function.Architecture);
        }
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
            {
                var templateValues = TemplateValues(template, parameters, env, stackName);
                CheckFunctionResource(template, logicalId, functionName, function, map, whereName, templateValues);
                CheckRuntimeAgrees(template, logicalId, name, function, map, templateValues);
            }

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
                Exclude = function.Exclude ?? DefaultExclude(build, projectDirectory, definition),
            });
        }
        return functions;
    }

    /// <summary>The builder's exclusions, and when the source is the project folder (source: .), what else lives there.</summary>
    private static IReadOnlyList<string> DefaultExclude(FunctionBuild build, string projectDirectory, ProjectDefinition definition) =>
        Path.TrimEndingDirectorySeparator(build.SourceDirectory) == Path.TrimEndingDirectorySeparator(projectDirectory)
            ? FunctionBuilds.DefaultExclude(build.Builder).Union(FunctionBuilds.ProjectFolderExclude(definition, build.Name)).ToList()
            : FunctionBuilds.DefaultExclude(build.Builder);

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
                return Rollout.Canary(percent, rollout.IntervalMinutes ?? 10);
            case RolloutDefinition.Linear when rollout.Percent is { } percent:
                if (percent > 50)
                    errors.Add(map.Where(rollout, nameof(rollout.Percent)).Error($"a linear rollout of {percent}% a step is a canary; use at most 50 or strategy: canary"));
                return Rollout.Linear(percent, rollout.IntervalMinutes ?? 1);
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
