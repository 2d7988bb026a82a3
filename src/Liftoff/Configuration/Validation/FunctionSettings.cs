using System.Globalization;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Templates;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Each function of a project in one environment: its build, and the settings project.yaml gives it there
/// (environment overrides applied). A setting the template takes from a parameter (MemorySize: !Ref
/// ApiMemorySize) is passed as that parameter; every other one is written into the deployed template.
/// </summary>
internal sealed class FunctionSettings(ICollection<ConfigurationError> errors, SourceMap map, IReadOnlyDictionary<string, string?> placeholders)
{
    public List<FunctionEnvironment> Resolve(
        ProjectDefinition definition, string projectDirectory, ProjectTemplate template, Dictionary<string, string> parameters,
        IReadOnlyDictionary<string, string> templateValues)
    {
        var functions = new List<FunctionEnvironment>();
        foreach (var function in template.Catalog.Functions)
        {
            var build = template.Functions.FirstOrDefault(b => b.Name == function.Name);
            var settings = definition.Functions?.GetValueOrDefault(function.Name);
            var variables = Variables(function, settings);
            var physicalName = PhysicalName(function.Template, templateValues);
            if (build is null) continue; // its build's errors are reported once, by the catalog

            var passed = new HashSet<string>(StringComparer.Ordinal);
            void Pass(string setting, string? value)
            {
                if (value is null || !function.Template.SettingParameters.TryGetValue(setting, out var parameter)) return;
                parameters.TryAdd(parameter, value); // a value written in stackParameters wins
                passed.Add(setting);
            }
            Pass(TemplateFunctionReader.MemorySize, settings?.MemorySize?.ToString(CultureInfo.InvariantCulture));
            Pass(TemplateFunctionReader.Timeout, settings?.Timeout?.ToString(CultureInfo.InvariantCulture));
            Pass(TemplateFunctionReader.Architectures, build.Architecture);

            functions.Add(new FunctionEnvironment
            {
                Name = function.Name,
                Runtime = build.Runtime,
                Handler = build.Handler,
                Builder = build.Builder,
                SourceDirectory = build.SourceDirectory,
                StagingDirectory = build.StagingDirectory,
                FunctionName = physicalName,
                LogicalId = function.LogicalId,
                CodeKeyParameter = function.Template.Code is ParameterCode code ? code.KeyParameter : null,
                MemorySize = settings?.MemorySize,
                Timeout = settings?.Timeout,
                Architecture = build.Architecture,
                EnvironmentVariables = variables,
                TemplateVariables = TemplateVariables.Read(template.Info, parameters, function.Template.Environments),
                ParameterSettings = passed,
                Include = function.Merged.Include ?? ["**/*"],
                Exclude = function.Merged.Exclude ?? DefaultExclude(build, projectDirectory, definition, template),
                AliasName = function.Template.AutoPublishAlias ?? FunctionEnvironment.LiveAlias,
                AliasOwner = function.Template.AutoPublishAlias is null ? AliasOwner.Liftoff
                    : function.Template.DeploymentPreference ? AliasOwner.CodeDeploy : AliasOwner.Template,
                Serverless = function.Template.Serverless,
                Layers = build.Layers,
            });
        }
        return functions;
    }

    /// <summary>
    /// The builder's exclusions and, when the source is the project folder itself (source: ., CodeUri: ./), what
    /// else lives there: the template, project.yaml, the other functions' folders (wherever each is written).
    /// </summary>
    private static IReadOnlyList<string> DefaultExclude(FunctionBuild build, string projectDirectory, ProjectDefinition definition, ProjectTemplate template)
    {
        if (Path.TrimEndingDirectorySeparator(build.SourceDirectory) != Path.TrimEndingDirectorySeparator(projectDirectory))
            return FunctionBuilds.DefaultExclude(build.Builder);
        string Relative(string path) => Path.GetRelativePath(projectDirectory, Path.GetFullPath(path, projectDirectory));
        var project = definition with
        {
            Template = Relative(template.Info.FullPath),
            Functions = template.Catalog.Functions.ToDictionary(f => f.Name,
                f => f.Merged with { Source = f.Merged.Source is { } source ? Relative(source) : null }),
        };
        return FunctionBuilds.DefaultExclude(build.Builder).Union(FunctionBuilds.ProjectFolderExclude(project, build.Name)).ToList();
    }

    private Dictionary<string, string> Variables(CatalogFunction function, FunctionDefinition? settings)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings?.Environment is not { Count: > 0 } written) return variables;
        foreach (var (key, value) in written)
        {
            var where = map.Where(written, key);
            var (text, problem) = Placeholders.Replace(value, placeholders);
            if (problem is not null) errors.Add(where.Error($"'functions.{function.Name}.environment.{key}' {problem}"));
            variables[key] = text;
        }
        if (function.Template.UnmergeableVariables is { } at)
            errors.Add(map.Where(settings, nameof(settings.Environment)).Error(
                $"'functions.{function.Name}.environment' cannot be added to '{function.LogicalId}': its Environment.Variables at " +
                $"{at.File}:{at.Line}:{at.Column} is an expression, not a mapping of names to values; write the variables as a mapping there"));
        return variables;
    }

    /// <summary>The FunctionName the template gives, when Liftoff can evaluate it; AWS allows 64 characters.</summary>
    private string? PhysicalName(TemplateFunction function, IReadOnlyDictionary<string, string> templateValues)
    {
        if (function.FunctionName is not { } node || TemplateNames.Evaluate(node, templateValues) is not { } name) return null;
        if (name.Length > Names.MaxFunctionName)
            errors.Add(SourceLocation.At(function.Location.File, node.Start).Error(
                $"function name '{name}' of '{function.LogicalId}' is {name.Length} characters; AWS allows {Names.MaxFunctionName}. " +
                "Shorten the project, environment or function name"));
        return name;
    }
}
