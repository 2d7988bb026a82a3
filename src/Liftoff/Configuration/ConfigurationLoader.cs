using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Validation;
using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration;

/// <summary>
/// Loads environments.yaml and projects/*/project.yaml, checks everything (every project in every
/// environment) and throws one ConfigurationException with every error, each at file:line:column.
/// Nothing here touches AWS.
/// </summary>
public static class ConfigurationLoader
{
    public const string EnvironmentsFileName = "environments.yaml";
    public const string ProjectsFolder = "projects";
    public const string ProjectFileName = "project.yaml";

    public static async Task<LiftoffConfiguration> LoadAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(rootDirectory);
        var errors = new List<ConfigurationError>();
        var environments = await LoadEnvironmentsAsync(root, errors, cancellationToken);

        var templates = new Dictionary<string, Task<TemplateInfo?>>(StringComparer.Ordinal);
        var paths = new RepositoryPaths(root, errors);
        var resolver = new ProjectResolver(root, errors, (path, _) =>
        {
            if (!templates.TryGetValue(path, out var template))
                templates[path] = template = TemplateReader.ReadAsync(path, paths.Relative(path), errors, cancellationToken);
            return template;
        });

        var projectEnvironments = new List<ProjectEnvironment>();
        var builds = new List<ProjectBuild>();
        var projectsDirectory = Path.Combine(root, ProjectsFolder);
        List<string> projectDirectories = Directory.Exists(projectsDirectory)
            ? Directory.GetDirectories(projectsDirectory).Where(d => File.Exists(Path.Combine(d, ProjectFileName))).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var directory in projectDirectories)
        {
            var project = Path.GetFileName(directory);
            var file = paths.Relative(Path.Combine(directory, ProjectFileName));
            var rootNode = await YamlDocumentReader.ReadAsync(Path.Combine(directory, ProjectFileName), file, errors, cancellationToken);
            if (rootNode is null) continue;
            if (!Regex.IsMatch(project, Names.ProjectPattern))
                errors.Add(new ConfigurationError(file, 1, 1, $"project folder name '{project}' is not usable in AWS names: use {Names.ProjectHint}"));

            var map = new SourceMap();
            var binder = new NodeBinder(file, errors, map);
            var baseDefinition = binder.Bind<ProjectDefinition>([new Layer(rootNode)]);
            if (baseDefinition is null) continue;
            var overrides = ReadOverrides(rootNode, file, environments, errors);

            var perEnvironment = new List<ProjectEnvironment>();
            foreach (var env in environments)
            {
                List<Layer> layers = [new Layer(rootNode)];
                if (overrides.TryGetValue(env.Name, out var over)) layers.Add(new Layer(over, env.Name));
                var definition = binder.Bind<ProjectDefinition>(layers)!;
                if (await resolver.ResolveAsync(project, directory, definition, map, env) is { } resolved)
                    perEnvironment.Add(resolved);
            }
            projectEnvironments.AddRange(perEnvironment);

            var functions = (baseDefinition.Functions ?? new Dictionary<string, FunctionDefinition>())
                .Select(f => FunctionBuilds.Resolve(root, project, directory, f.Key, f.Value, map, paths, errors))
                .OfType<FunctionBuild>()
                .ToList();
            builds.Add(new ProjectBuild(project, directory, functions, perEnvironment.FirstOrDefault()?.FrontEnd,
                perEnvironment.Select(p => p.TemplatePath).Distinct().ToList()));
        }

        if (errors.Count > 0) throw new ConfigurationException(errors);
        return new LiftoffConfiguration(root, environments.Select(e => e.Name).ToList(), projectEnvironments, builds);
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
