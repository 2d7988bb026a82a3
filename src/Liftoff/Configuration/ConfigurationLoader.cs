using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Runtimes;
using Liftoff.Configuration.Validation;
using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration;

/// <summary>
/// Loads environments.yaml, projects/*/project.yaml and the projects' templates, checks everything (every project in every
/// environment) and throws one ConfigurationException with every error, each at file:line:column; what
/// should change but need not stop a build (a deprecated runtime, a project outside --project) is a warning.
/// Nothing here touches AWS.
/// </summary>
public static class ConfigurationLoader
{
    public const string EnvironmentsFileName = "environments.yaml";
    public const string ProjectsFolder = "projects";
    public const string ProjectFileName = "project.yaml";

    /// <summary>Looked for, in this order, when project.yaml names no template (SAM's own names for it).</summary>
    public static readonly IReadOnlyList<string> DefaultTemplates = ["template.yaml", "template.yml"];

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
        foreach (var directory in ProjectDirectories(root))
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

    /// <returns>The project in every environment and its build; null when its project.yaml or template could not be read.</returns>
    private static async Task<(List<ProjectEnvironment> Environments, ProjectBuild Build)?> LoadProjectAsync(
        LoadContext context, string project, string directory, CancellationToken cancellationToken)
    {
        var (root, environments, paths, errors) = (context.Root, context.Environments, context.Paths, context.Errors);
        var file = paths.Relative(Path.Combine(directory, ProjectFileName));
        var errorsBefore = errors.Count;
        // A folder with only a template is a project too: everything comes from the template.
        var rootNode = File.Exists(Path.Combine(directory, ProjectFileName))
            ? await YamlDocumentReader.ReadAsync(Path.Combine(directory, ProjectFileName), file, errors, cancellationToken)
            : new YamlMappingNode();
        if (rootNode is null) return null;
        if (!Regex.IsMatch(project, Names.ProjectPattern))
            errors.Add(new ConfigurationError(file, 1, 1, $"project folder name '{project}' is not usable in AWS names: use {Names.ProjectHint}"));

        var map = new SourceMap();
        var binder = new NodeBinder(file, errors, map);
        var baseDefinition = binder.Bind<ProjectDefinition>([new Layer(rootNode)]);
        // A 'functions' that does not read as a mapping was reported; matching it with the template would only add noise.
        if (baseDefinition is null || baseDefinition.Functions is null && Written(rootNode, "functions")) return null;
        var overrides = ReadOverrides(rootNode, file, environments, errors);
        var template = await ReadTemplateAsync(root, project, directory, file, baseDefinition, map, paths, errors, cancellationToken);
        if (template is null) return null;
        if (template.Catalog.Functions.Count == 0 && errors.Count == errorsBefore)
            errors.Add(new ConfigurationError(template.Info.File, 1, 1,
                "declares no AWS::Serverless::Function or AWS::Lambda::Function with local code (CodeUri or Code naming a folder), " +
                "and project.yaml lists none: give a function its source folder as CodeUri, or list it under 'functions' with its source"));
        // Every function's runtime, wherever it is written (project.yaml, the template, its Globals).
        RuntimeCheck.Check(template.Catalog.Functions.ToDictionary(f => f.Name, f => f.Merged), map, context.Runtimes, context.Today, errors, context.Warnings);
        binder.DeclaredElsewhere("functions", template.Catalog.Names);

        var resolver = new ProjectResolver(root, errors, context.Warnings);
        var perEnvironment = new List<ProjectEnvironment>();
        foreach (var env in environments)
        {
            List<Layer> layers = [new Layer(rootNode)];
            if (overrides.TryGetValue(env.Name, out var over)) layers.Add(new Layer(over, env.Name));
            var definition = binder.Bind<ProjectDefinition>(layers)!;
            if (resolver.Resolve(project, directory, definition, map, env, template) is { } resolved)
                perEnvironment.Add(resolved);
        }
        return (perEnvironment, new ProjectBuild(project, directory, template.Functions, perEnvironment.FirstOrDefault()?.FrontEnd, [template.Info.FullPath])
        {
            Layers = template.Layers,
        });
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

    private static bool Written(YamlNode root, string key) =>
        root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && !YamlDocumentReader.IsNull(value);

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
