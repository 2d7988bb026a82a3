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

    /// <summary>Looked for, in this order, when project.yaml names no template (SAM's own names for it).</summary>
    public static readonly IReadOnlyList<string> DefaultTemplates = ["template.yaml", "template.yml"];

    public static async Task<LiftoffConfiguration> LoadAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(rootDirectory);
        var errors = new List<ConfigurationError>();
        var environments = await LoadEnvironmentsAsync(root, errors, cancellationToken);
        var paths = new RepositoryPaths(root, errors);
        var resolver = new ProjectResolver(root, errors);

        var projectEnvironments = new List<ProjectEnvironment>();
        var builds = new List<ProjectBuild>();
        foreach (var directory in ProjectDirectories(root))
        {
            var project = Path.GetFileName(directory);
            var file = paths.Relative(Path.Combine(directory, ProjectFileName));
            var errorsBefore = errors.Count;
            // A folder with only a template is a project too: everything comes from the template.
            var rootNode = File.Exists(Path.Combine(directory, ProjectFileName))
                ? await YamlDocumentReader.ReadAsync(Path.Combine(directory, ProjectFileName), file, errors, cancellationToken)
                : new YamlMappingNode();
            if (rootNode is null) continue;
            if (!Regex.IsMatch(project, Names.ProjectPattern))
                errors.Add(new ConfigurationError(file, 1, 1, $"project folder name '{project}' is not usable in AWS names: use {Names.ProjectHint}"));

            var map = new SourceMap();
            var binder = new NodeBinder(file, errors, map);
            var baseDefinition = binder.Bind<ProjectDefinition>([new Layer(rootNode)]);
            // A 'functions' that does not read as a mapping was reported; matching it with the template would only add noise.
            if (baseDefinition is null || baseDefinition.Functions is null && Written(rootNode, "functions")) continue;
            var overrides = ReadOverrides(rootNode, file, environments, errors);
            var template = await ReadTemplateAsync(root, project, directory, file, baseDefinition, map, paths, errors, cancellationToken);
            if (template is null) continue;
            if (template.Catalog.Functions.Count == 0 && errors.Count == errorsBefore)
                errors.Add(new ConfigurationError(template.Info.File, 1, 1,
                    "declares no AWS::Serverless::Function or AWS::Lambda::Function with local code (CodeUri or Code naming a folder), " +
                    "and project.yaml lists none: give a function its source folder as CodeUri, or list it under 'functions' with its source"));
            binder.DeclaredElsewhere("functions", template.Catalog.Names);

            var perEnvironment = new List<ProjectEnvironment>();
            foreach (var env in environments)
            {
                List<Layer> layers = [new Layer(rootNode)];
                if (overrides.TryGetValue(env.Name, out var over)) layers.Add(new Layer(over, env.Name));
                var definition = binder.Bind<ProjectDefinition>(layers)!;
                if (resolver.Resolve(project, directory, definition, map, env, template) is { } resolved)
                    perEnvironment.Add(resolved);
            }
            projectEnvironments.AddRange(perEnvironment);
            builds.Add(new ProjectBuild(project, directory, template.Functions, perEnvironment.FirstOrDefault()?.FrontEnd, [template.Info.FullPath])
            {
                Layers = template.Layers,
            });
        }

        if (errors.Count > 0) throw new ConfigurationException(errors);
        return new LiftoffConfiguration(root, environments.Select(e => e.Name).ToList(), projectEnvironments, builds);
    }

    /// <summary>projects/* folders holding a project.yaml or a template.yaml (template.yml), sorted by name.</summary>
    private static List<string> ProjectDirectories(string root)
    {
        var projects = Path.Combine(root, ProjectsFolder);
        return Directory.Exists(projects)
            ? Directory.GetDirectories(projects)
                .Where(d => File.Exists(Path.Combine(d, ProjectFileName)) || DefaultTemplates.Any(t => File.Exists(Path.Combine(d, t))))
                .Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The project's template (project.yaml's 'template', else template.yaml or template.yml) and the functions it declares with project.yaml.</summary>
    private static async Task<ProjectTemplate?> ReadTemplateAsync(
        string root, string project, string directory, string file, ProjectDefinition definition, SourceMap map,
        RepositoryPaths paths, List<ConfigurationError> errors, CancellationToken cancellationToken)
    {
        string? path;
        if (definition.Template is { } written)
            path = paths.Resolve(directory, written, "template", map.Where(definition, nameof(definition.Template)), PathKind.File);
        else if ((path = DefaultTemplates.Select(t => Path.Combine(directory, t)).FirstOrDefault(File.Exists)) is null)
            errors.Add(new ConfigurationError(file, 1, 1,
                $"no template: add {string.Join(" or ", DefaultTemplates)} to {paths.Relative(directory)}, or name yours with 'template:'"));
        if (path is null) return null;

        var info = await TemplateReader.ReadAsync(path, paths.Relative(path), errors, cancellationToken);
        if (info is null) return null;
        var catalog = FunctionCatalog.Read(info, definition, map, directory, errors);
        var (functions, layers) = catalog.Builds(root, project, paths);
        return new ProjectTemplate(info, catalog, functions, layers);
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

    private static bool Written(YamlNode root, string key) =>
        root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && !YamlDocumentReader.IsNull(value);

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
