using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Runtimes;
using Liftoff.Configuration.Validation;
using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration;

/// <summary>
/// Loads environments.yaml and projects/*/project.yaml, checks everything (every project in every
/// environment) and throws one ConfigurationException with every error, each at file:line:column; what
/// should change but need not stop a build (a deprecated runtime, a project outside --project) is a warning.
/// Nothing here touches AWS.
/// </summary>
public static class ConfigurationLoader
{
    public const string EnvironmentsFileName = "environments.yaml";
    public const string ProjectsFolder = "projects";
    public const string ProjectFileName = "project.yaml";

    public static Task<LiftoffConfiguration> LoadAsync(string rootDirectory, CancellationToken cancellationToken) =>
        LoadAsync(rootDirectory, new ConfigurationOptions(), cancellationToken);

    /// <exception cref="ConfigurationException">Every error of environments.yaml and of the selected projects
    /// (all when none is selected); the other projects' errors are in <see cref="LiftoffConfiguration.Warnings"/>.</exception>
    public static async Task<LiftoffConfiguration> LoadAsync(string rootDirectory, ConfigurationOptions options, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(rootDirectory);
        // cfn-lint's data is found by asking its Python: started first, it runs while the YAML is read.
        var runtimes = options.Runtimes is { } given
            ? Task.FromResult(given)
            : RuntimeLifecycle.FromCfnLintAsync(cancellationToken, cacheFile: Path.Combine(root, ".nuke", "temp", "cfn-lint-runtime-lifecycle.txt"));
        var errors = new List<ConfigurationError>();
        var warnings = new List<ConfigurationError>();
        var environments = await LoadEnvironmentsAsync(root, errors, cancellationToken);
        var context = new LoadContext(root, environments, new RepositoryPaths(root, errors), await runtimes,
            DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime), errors, warnings);

        var selected = ConfigurationOptions.Selected(options.Projects);
        var projectEnvironments = new List<ProjectEnvironment>();
        var builds = new List<ProjectBuild>();
        var projectsDirectory = Path.Combine(root, ProjectsFolder);
        List<string> projectDirectories = Directory.Exists(projectsDirectory)
            ? Directory.GetDirectories(projectsDirectory).Where(d => File.Exists(Path.Combine(d, ProjectFileName))).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var directory in projectDirectories)
        {
            var project = Path.GetFileName(directory);
            var (before, warnedBefore) = (errors.Count, warnings.Count);
            var loaded = await LoadProjectAsync(context, project, directory, cancellationToken);
            if (selected.Count > 0 && !selected.Contains(project))
            {
                // Not acted on: its warnings are not this build's concern; its errors are shown, where they are, but block nothing.
                warnings.RemoveRange(warnedBefore, warnings.Count - warnedBefore);
                var broken = errors.Skip(before).ToList();
                errors.RemoveRange(before, broken.Count);
                warnings.AddRange(broken.Select(e => e with { Message = e.Message + $" [project '{project}' is not in --project: not blocking]" }));
                if (broken.Count > 0) continue;
            }
            if (loaded is null) continue;
            projectEnvironments.AddRange(loaded.Value.Environments);
            builds.Add(loaded.Value.Build);
        }

        if (context.Runtimes.Unavailable is { } why && builds.Count > 0)
            warnings.Add(new ConfigurationError("cfn-lint", 0, 0,
                $"runtimes were not checked against AWS's runtime lifecycle ({why}); install cfn-lint (pip install cfn-lint), which Compile needs too"));
        if (errors.Count > 0) throw new ConfigurationException(errors);
        return new LiftoffConfiguration(root, environments.Select(e => e.Name).ToList(), projectEnvironments, builds, warnings.Distinct().ToList());
    }

    /// <summary>What every project's load shares: the environments, the rules, and where errors and warnings go.</summary>
    private sealed record LoadContext(
        string Root, List<EnvironmentContext> Environments, RepositoryPaths Paths, RuntimeLifecycle Runtimes, DateOnly Today,
        List<ConfigurationError> Errors, List<ConfigurationError> Warnings);

    /// <returns>The project in every environment and its build; null when its project.yaml could not be read.</returns>
    private static async Task<(List<ProjectEnvironment> Environments, ProjectBuild Build)?> LoadProjectAsync(
        LoadContext context, string project, string directory, CancellationToken cancellationToken)
    {
        var (root, environments, paths, errors) = (context.Root, context.Environments, context.Paths, context.Errors);
        var file = paths.Relative(Path.Combine(directory, ProjectFileName));
        var rootNode = await YamlDocumentReader.ReadAsync(Path.Combine(directory, ProjectFileName), file, errors, cancellationToken);
        if (rootNode is null) return null;
        if (!Regex.IsMatch(project, Names.ProjectPattern))
            errors.Add(new ConfigurationError(file, 1, 1, $"project folder name '{project}' is not usable in AWS names: use {Names.ProjectHint}"));

        var map = new SourceMap();
        var binder = new NodeBinder(file, errors, map);
        var baseDefinition = binder.Bind<ProjectDefinition>([new Layer(rootNode)]);
        if (baseDefinition is null) return null;
        RuntimeCheck.Check(baseDefinition.Functions, map, context.Runtimes, context.Today, errors, context.Warnings);
        var overrides = ReadOverrides(rootNode, file, environments, errors);

        // Per project, so a template's errors count against the project that reads it.
        var templates = new Dictionary<string, Task<TemplateInfo?>>(StringComparer.Ordinal);
        var resolver = new ProjectResolver(root, errors, context.Warnings, (path, _) =>
        {
            if (!templates.TryGetValue(path, out var template))
                templates[path] = template = TemplateReader.ReadAsync(path, paths.Relative(path), errors, cancellationToken);
            return template;
        });
        var perEnvironment = new List<ProjectEnvironment>();
        foreach (var env in environments)
        {
            List<Layer> layers = [new Layer(rootNode)];
            if (overrides.TryGetValue(env.Name, out var over)) layers.Add(new Layer(over, env.Name));
            var definition = binder.Bind<ProjectDefinition>(layers)!;
            if (await resolver.ResolveAsync(project, directory, definition, map, env) is { } resolved)
                perEnvironment.Add(resolved);
        }

        var functions = (baseDefinition.Functions ?? new Dictionary<string, FunctionDefinition>())
            .Select(f => FunctionBuilds.Resolve(root, project, directory, f.Key, f.Value, map, paths, errors))
            .OfType<FunctionBuild>()
            .ToList();
        return (perEnvironment, new ProjectBuild(project, directory, functions, perEnvironment.FirstOrDefault()?.FrontEnd,
            perEnvironment.Select(p => p.TemplatePath).Distinct().ToList()));
    }

    private static async Task<List<EnvironmentContext>> LoadEnvironmentsAsync(
        string root, List<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, EnvironmentsFileName);
        if (!File.Exists(path))
        {
            errors.Add(new ConfigurationError(EnvironmentsFileName, 0, 0,
                $"not found in {root}; create it with your environments (see schemas/environments.schema.json)"));
            return [];
        }
        var node = await YamlDocumentReader.ReadAsync(path, EnvironmentsFileName, errors, cancellationToken);
        if (node is null) return [];
        var map = new SourceMap();
        var file = new NodeBinder(EnvironmentsFileName, errors, map).Bind<EnvironmentsFile>([new Layer(node)]);

        var environments = new List<EnvironmentContext>();
        foreach (var (name, definition) in file?.Environments ?? new Dictionary<string, EnvironmentDefinition>())
        {
            if (definition.Region is null || definition.ArtifactBucket is null) continue;
            var values = new Dictionary<string, string?> { ["env"] = name, ["region"] = definition.Region, ["accountId"] = definition.AccountId };
            var where = map.Where(definition, nameof(definition.ArtifactBucket));
            var (bucket, problem) = Placeholders.Replace(definition.ArtifactBucket, values);
            if (problem is not null) errors.Add(where.Error($"'environments.{name}.artifactBucket' {problem}"));
            else if (BucketNames.Problem(bucket) is { } bad) errors.Add(where.Error($"'environments.{name}.artifactBucket' is '{bucket}': {bad}"));
            environments.Add(new EnvironmentContext(name, definition, map, definition.Region, bucket));
        }
        return environments;
    }

    /// <summary>The project's 'environments' section: one override node per known environment.</summary>
    private static Dictionary<string, YamlNode> ReadOverrides(
        YamlNode root, string file, List<EnvironmentContext> environments, List<ConfigurationError> errors)
    {
        var overrides = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (root is not YamlMappingNode mapping ||
            !mapping.Children.TryGetValue(new YamlScalarNode("environments"), out var section) ||
            YamlDocumentReader.IsNull(section))
            return overrides;
        if (section is not YamlMappingNode entries)
        {
            errors.Add(SourceLocation.At(file, section.Start).Error("'environments' expects a mapping of environment names to overrides"));
            return overrides;
        }
        var known = environments.Select(e => e.Name).ToList();
        foreach (var (key, value) in entries.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                errors.Add(SourceLocation.At(file, key.Start).Error(
                    $"unknown environment '{name}' in 'environments'; {Suggestions.Hint(name, known, $"environments in {EnvironmentsFileName}")}"));
                continue;
            }
            if (!YamlDocumentReader.IsNull(value)) overrides[name] = value;
        }
        return overrides;
    }
}
