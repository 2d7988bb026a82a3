using Liftoff.Configuration.Model;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Checks one project's definition (overrides applied) for one environment and turns it into a
/// ProjectEnvironment: paths exist and stay inside the repository, names fit AWS's limits, and what
/// project.yaml names in the template (parameters, outputs) is really there. The functions come from the
/// project's <see cref="FunctionCatalog"/> (template and project.yaml together); this adds their settings.
/// </summary>
internal sealed partial class ProjectResolver(string root, ICollection<ConfigurationError> errors, ICollection<ConfigurationError> warnings)
{
    private readonly RepositoryPaths _paths = new(root, errors);

    public ProjectEnvironment? Resolve(
        string project, string projectDirectory, ProjectDefinition definition, SourceMap map, EnvironmentContext env, ProjectTemplate template)
    {
        var errorsBefore = errors.Count;
        var values = env.PlaceholderValues(project);
        var stackName = StackName(project, env, definition, map);
        var fromEnvironment = new List<StackParameterFromEnvironment>();
        var parameters = StackParameters(project, env, definition, map, values, template.Info, fromEnvironment);
        var functions = new FunctionSettings(errors, map, values).Resolve(definition, projectDirectory, template, parameters,
            TemplateValues(template.Info, parameters, env, stackName));
        CheckRolloutApplies(definition, map, functions);
        // A parameter written wrongly has its own error: "no value" would only repeat it.
        CheckUndeclaredParameters(template.Info, parameters.Keys.Concat(definition.StackParameters?.Keys ?? []).ToHashSet(),
            template.Catalog.Functions.Select(f => f.Name).Concat(definition.Functions?.Keys ?? []));
        CheckBucketNames(template.Info, TemplateValues(template.Info, parameters, env, stackName));
        PhysicalNames.Check(template.Info, warnings);
        AliasInvocations.Check(template.Info, functions.Where(f => f.AliasOwner == AliasOwner.Liftoff).Select(f => f.LogicalId).ToList(), warnings);
        var frontEnd = ResolveFrontEnd(projectDirectory, definition.FrontEnd, map);
        var outputs = ResolveOutputs(definition.Outputs, map, template.Info);
        var rollout = ResolveRollout(definition.Rollout, definition.Rollout is null ? env.Map : map, env.Definition.Rollout);
        var smokeChecks = new SmokeChecks(errors, map).Resolve(definition, (definition.Functions?.Keys ?? []).ToList(),
            (text, key, where) => Substitute(text, values, key, where));

        if (errors.Count > errorsBefore) return null;
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
            TemplatePath = template.Info.FullPath,
            StackParameters = parameters,
            StackParametersFromEnvironment = fromEnvironment,
            TemplateParameters = template.Info.Parameters.Keys.Order(StringComparer.Ordinal).ToList(),
            Functions = functions,
            Layers = template.Layers.Select(l => new LayerEnvironment(l.Name, l.LogicalId,
                template.Catalog.Layers.First(t => t.LogicalId == l.LogicalId).Serverless, l.StagingDirectory)).ToList(),
            Serverless = template.Info.Serverless,
            FrontEnd = frontEnd,
            Outputs = outputs,
            SmokeChecks = smokeChecks,
            Smoke = new SmokeSettings(
                TimeSpan.FromSeconds(definition.SmokeTimeoutSeconds ?? SmokeSettings.DefaultTimeoutSeconds), definition.RollbackOnFailure ?? true),
            Rollout = rollout,
            InvalidationPathLimit = definition.InvalidationPathLimit ?? env.Definition.InvalidationPathLimit ?? ProjectEnvironment.DefaultInvalidationPathLimit,
            Alarms = (definition.Alarms ?? []).Select((alarm, i) =>
                Substitute(alarm, values, $"alarms[{i}]", map.Where(definition.Alarms!, i.ToString()))).ToList(),
        };
    }

    /// <summary>
    /// A project's rollout and alarms act on the aliases Liftoff moves; where the template (AutoPublishAlias) or
    /// CodeDeploy moves every one, they would do nothing, so they are refused rather than silently ignored.
    /// </summary>
    private void CheckRolloutApplies(ProjectDefinition definition, SourceMap map, IReadOnlyList<FunctionEnvironment> functions)
    {
        if (functions.Count == 0 || functions.Any(f => f.AliasOwner == AliasOwner.Liftoff)) return;
        const string why = "but the template's AutoPublishAlias moves every function's alias during the stack update, so Liftoff shifts no traffic in this project";
        if (definition.Rollout is { Strategy: not (null or RolloutDefinition.AllAtOnce) } rollout)
            errors.Add(map.WhereIs(rollout).Error(
                $"'rollout' is {rollout.Strategy}, {why}; remove it, or give the functions a DeploymentPreference (Type: Canary10Percent5Minutes, …) to shift through CodeDeploy"));
        if (definition.Alarms is { Count: > 0 } alarms)
            errors.Add(map.WhereIs(alarms).Error(
                $"'alarms' are watched while Liftoff shifts traffic, {why}; list them in the functions' DeploymentPreference.Alarms for CodeDeploy to watch"));
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
        IReadOnlyDictionary<string, string?> values, TemplateInfo template, List<StackParameterFromEnvironment> fromEnvironment)
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
