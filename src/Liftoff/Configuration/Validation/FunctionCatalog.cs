using System.Text.RegularExpressions;
using Liftoff.Configuration.Model;
using Liftoff.Configuration.Templates;
using Liftoff.Configuration.Yaml;

namespace Liftoff.Configuration.Validation;

/// <summary>One function of a project, as project.yaml and the template each describe it.</summary>
/// <param name="Declared">Its entry in project.yaml (the project's own, without environment overrides), if any.</param>
/// <param name="Merged">What both say together, for the build: project.yaml's values, else the template's (locations recorded in the SourceMap).</param>
internal sealed record CatalogFunction(string Name, TemplateFunction Template, FunctionDefinition? Declared, FunctionDefinition Merged)
{
    public string LogicalId => Template.LogicalId;

    /// <summary>project.yaml and the template agree and the code comes from the artifact; else the build is not checked further (one error per cause).</summary>
    public bool Consistent { get; init; } = true;
}

/// <summary>
/// The functions and layers of a project: the template's functions with local code (named after their logical
/// ids) and project.yaml's entries, matched by logical id. The two are one source of truth: where both state a
/// runtime, handler or source they must agree, and a function Liftoff builds must take its code from the
/// artifact (a local folder Liftoff rewrites, or the &lt;Fn&gt;CodeKey parameter).
/// </summary>
internal sealed class FunctionCatalog
{
    private readonly TemplateInfo _template;
    private readonly SourceMap _map;
    private readonly string _projectDirectory;
    private readonly ICollection<ConfigurationError> _errors;

    private FunctionCatalog(TemplateInfo template, SourceMap map, string projectDirectory, ICollection<ConfigurationError> errors)
    {
        _template = template;
        _map = map;
        _projectDirectory = projectDirectory;
        _errors = errors;
    }

    public IReadOnlyList<CatalogFunction> Functions { get; private set; } = [];
    public IReadOnlyList<TemplateLayer> Layers { get; private set; } = [];

    /// <summary>Names the template declares on its own: project.yaml's environments may override them without listing them first.</summary>
    public IReadOnlySet<string> Names => Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    public static FunctionCatalog Read(
        TemplateInfo template, ProjectDefinition definition, SourceMap map, string projectDirectory, ICollection<ConfigurationError> errors)
    {
        var catalog = new FunctionCatalog(template, map, projectDirectory, errors);
        var inTemplate = TemplateFunctionReader.Functions(template);
        var functions = catalog.Declared(definition, inTemplate);
        functions.AddRange(catalog.Discovered(inTemplate, functions));
        catalog.Functions = functions.Select(catalog.Merge).ToList();
        catalog.Layers = catalog.LocalLayers();
        return catalog;
    }

    private List<(string Name, TemplateFunction Template, FunctionDefinition? Declared)> Declared(
        ProjectDefinition definition, IReadOnlyList<TemplateFunction> inTemplate)
    {
        var found = new List<(string, TemplateFunction, FunctionDefinition?)>();
        foreach (var (name, declared) in definition.Functions ?? new Dictionary<string, FunctionDefinition>())
        {
            var logicalId = declared.LogicalId;
            var match = logicalId is not null
                ? inTemplate.FirstOrDefault(f => f.LogicalId == logicalId)
                : inTemplate.FirstOrDefault(f => f.Name == name) ?? inTemplate.FirstOrDefault(f => f.LogicalId == Model.Names.Pascal(name) + "Function");
            if (match is not null)
            {
                found.Add((name, match, declared));
                continue;
            }
            var where = logicalId is null ? _map.Where(declared, SourceMap.Key) : _map.Where(declared, nameof(declared.LogicalId));
            _errors.Add(where.Error(
                $"{_template.File} has no function {(logicalId is null ? $"named '{name}' (logical id {Model.Names.Pascal(name)}Function)" : $"'{logicalId}'")} " +
                $"among its AWS::Serverless::Function and AWS::Lambda::Function resources; its functions: {List(inTemplate)}. " +
                "Use the name Liftoff gives the template's function, or set 'logicalId'"));
        }
        return found;
    }

    /// <summary>The template's functions with a local code folder that project.yaml does not list.</summary>
    private IEnumerable<(string, TemplateFunction, FunctionDefinition?)> Discovered(
        IReadOnlyList<TemplateFunction> inTemplate, List<(string Name, TemplateFunction Template, FunctionDefinition? Declared)> declared)
    {
        foreach (var function in inTemplate.Where(f => f.Code is LocalCode { Path: not null }))
        {
            if (declared.Any(d => d.Template == function)) continue;
            if (!Regex.IsMatch(function.Name, Model.Names.FunctionPattern))
            {
                _errors.Add(function.Location.Error(
                    $"Liftoff names '{function.LogicalId}' '{function.Name}', which is not {Model.Names.FunctionHint}; " +
                    "list it in project.yaml under a name of your choice with logicalId: " + function.LogicalId));
                continue;
            }
            if (declared.FirstOrDefault(d => d.Name == function.Name) is { Name: not null } taken)
            {
                _errors.Add(function.Location.Error(
                    $"'{function.LogicalId}' would be named '{function.Name}', which project.yaml already gives '{taken.Template.LogicalId}'; " +
                    $"list '{function.LogicalId}' in project.yaml under another name with logicalId: {function.LogicalId}"));
                continue;
            }
            yield return (function.Name, function, null);
        }
    }

    private CatalogFunction Merge((string Name, TemplateFunction Template, FunctionDefinition? Declared) function)
    {
        var (name, template, declared) = function;
        var esbuild = template.BuildMethod?.Value == "esbuild";
        var merged = (declared ?? new FunctionDefinition()) with
        {
            Runtime = declared?.Runtime ?? template.Runtime?.Value,
            Handler = declared?.Handler ?? template.Handler?.Value,
            Source = declared?.Source ?? TemplateSource(template),
            // SAM bundles with esbuild when Metadata.BuildMethod says so: Liftoff's TypeScript builder does the same.
            Builder = declared?.Builder ?? (esbuild ? "typescript" : null),
            Entry = declared?.Entry ?? (esbuild ? template.EntryPoint?.Value : null),
            Architecture = declared?.Architecture ?? template.Architecture?.Value,
        };
        if (declared is not null) _map.CopyLocations(declared, merged);
        else
        {
            _map.RecordSelf(merged, template.Location);
            _map.Record(merged, SourceMap.Key, template.Location);
        }
        RecordTemplateLocations(declared, merged, template);
        var before = _errors.Count;
        if (declared is not null)
        {
            CheckAgreement(name, template.LogicalId, declared, nameof(FunctionDefinition.Runtime), declared.Runtime, template.Runtime, "Runtime");
            CheckAgreement(name, template.LogicalId, declared, nameof(FunctionDefinition.Handler), declared.Handler, template.Handler, "Handler");
            CheckSourceAgreement(name, declared, template);
        }
        CheckCode(name, template, declared);
        CheckRequired(name, merged, template);
        return new CatalogFunction(name, template, declared, merged) { Consistent = _errors.Count == before };
    }

    /// <summary>Members project.yaml does not write point at the template, so later errors about them land there.</summary>
    private void RecordTemplateLocations(FunctionDefinition? declared, FunctionDefinition merged, TemplateFunction template)
    {
        void From(string member, SourceLocation? location)
        {
            if (location is not null && (declared is null || !_map.Has(declared, member))) _map.Record(merged, member, location);
        }
        From(nameof(FunctionDefinition.Runtime), template.Runtime?.Location);
        From(nameof(FunctionDefinition.Handler), template.Handler?.Location);
        From(nameof(FunctionDefinition.Source), template.Code.Location);
        From(nameof(FunctionDefinition.Entry), template.EntryPoint?.Location);
        From(nameof(FunctionDefinition.Builder), template.BuildMethod?.Location);
        From(nameof(FunctionDefinition.Architecture), template.Architecture?.Location);
    }

    private void CheckAgreement(string name, string logicalId, FunctionDefinition declared, string member, string? value, TemplateText? template, string property)
    {
        if (value is null || template is null || value == template.Value) return;
        Conflict(name, declared, member, value, template.Location, $"{property}: {template.Value} for '{logicalId}'");
    }

    private void CheckSourceAgreement(string name, FunctionDefinition declared, TemplateFunction template)
    {
        if (declared.Source is null || TemplateSource(template) is not { } fromTemplate) return;
        var fromProject = Path.GetFullPath(Path.Combine(_projectDirectory, declared.Source));
        if (Path.TrimEndingDirectorySeparator(fromProject) == Path.TrimEndingDirectorySeparator(fromTemplate)) return;
        var path = ((LocalCode)template.Code).Path;
        Conflict(name, declared, nameof(FunctionDefinition.Source), declared.Source, template.Code.Location,
            $"{(template.Serverless ? "CodeUri" : "Code")}: {path} for '{template.LogicalId}'");
    }

    private void Conflict(string name, FunctionDefinition declared, string member, string value, SourceLocation template, string templateSays)
    {
        var key = char.ToLowerInvariant(member[0]) + member[1..];
        _errors.Add(_map.Where(declared, member).Error(
            $"'functions.{name}.{key}' is '{value}' but {template.File}:{template.Line}:{template.Column} says {templateSays}; " +
            $"project.yaml and the template are one source of truth: remove '{key}' from project.yaml (the template's value is used) or make them the same"));
    }

    /// <summary>
    /// A function Liftoff builds must deploy what it built: a local folder (rewritten to the artifact) or the
    /// &lt;Fn&gt;CodeKey parameter with the ArtifactBucket parameter. Anything else would deploy other code, or
    /// none: on AWS the change set fails on a missing key, while the local AWS accepts it.
    /// </summary>
    private void CheckCode(string name, TemplateFunction template, FunctionDefinition? declared)
    {
        var codeKey = Model.Names.Pascal(name) + "CodeKey";
        var property = template.Serverless ? "CodeUri" : "Code";
        var folder = declared?.Source ?? "<source folder>";
        var fix = $"write the source folder there ({property}: {folder}), which Liftoff packages and rewrites to the artifact";
        switch (template.Code)
        {
            case ParameterCode code when code.KeyParameter != codeKey:
                _errors.Add(template.Code.Location.Error(
                    $"'{template.LogicalId}' takes its code key from parameter '{code.KeyParameter}', but Liftoff passes the key of " +
                    $"functions.{name}'s artifact as '{codeKey}': the stack would deploy code Liftoff never built. " +
                    $"Rename the parameter to {codeKey}, or {fix}"));
                break;
            case ParameterCode code when code.BucketParameter != "ArtifactBucket":
                _errors.Add(template.Code.Location.Error(
                    $"'{template.LogicalId}' takes its code from {(code.BucketParameter is null ? "a bucket Liftoff does not set" : $"the bucket in parameter '{code.BucketParameter}'")}, " +
                    $"but Liftoff uploads functions.{name}'s artifact to the environment's artifact bucket: use " +
                    $"{(template.Serverless ? "Bucket" : "S3Bucket")}: !Ref ArtifactBucket, or {fix}"));
                break;
            case ForeignCode code:
                _errors.Add(template.Code.Location.Error(
                    $"'{template.LogicalId}' deploys {code.What}, never the artifact Liftoff builds for functions.{name}; " +
                    $"{fix}, or remove functions.{name} from project.yaml to deploy the template's code as it is"));
                break;
        }
    }

    /// <summary>The template's code folder as an absolute path (CodeUri and Code are relative to the template's folder).</summary>
    private string? TemplateSource(TemplateFunction template) =>
        template.Code is LocalCode { Path: { } path }
            ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(_template.Directory, path)))
            : null;

    private void CheckRequired(string name, FunctionDefinition merged, TemplateFunction template)
    {
        foreach (var (value, key, property) in new[] { (merged.Runtime, "runtime", "Runtime"), (merged.Handler, "handler", "Handler"), (merged.Source, "source", "CodeUri") })
            if (value is null)
                _errors.Add(_map.WhereIs(merged).Error(
                    $"'functions.{name}' has no {key}: '{template.LogicalId}' in {_template.File} gives no {(template.Serverless ? property : property == "CodeUri" ? "Code folder" : property)} " +
                    $"Liftoff can read{(template.Serverless ? " (nor does Globals.Function)" : "")}; set it in the template or as functions.{name}.{key} in project.yaml"));
    }

    /// <summary>The template's layers whose content is a local folder; their names must not collide with a function's.</summary>
    private IReadOnlyList<TemplateLayer> LocalLayers()
    {
        var layers = new List<TemplateLayer>();
        foreach (var layer in TemplateFunctionReader.Layers(_template).Where(l => l.Content is LocalCode { Path: not null }))
        {
            if (!Regex.IsMatch(layer.Name, Model.Names.FunctionPattern) || Functions.Any(f => f.Name == layer.Name))
            {
                _errors.Add(layer.Location.Error(
                    $"Liftoff names the layer '{layer.LogicalId}' '{layer.Name}', which " +
                    (Functions.Any(f => f.Name == layer.Name) ? "a function already has" : $"is not {Model.Names.FunctionHint}") +
                    "; rename the layer's logical id"));
                continue;
            }
            layers.Add(layer);
        }
        return layers;
    }

    /// <summary>Each function's build and each layer's, checked once for the project (builds are the same in every environment).</summary>
    public (IReadOnlyList<FunctionBuild> Functions, IReadOnlyList<LayerBuild> Layers) Builds(
        string root, string project, RepositoryPaths paths)
    {
        var layers = new List<LayerBuild>();
        foreach (var layer in Layers)
        {
            var written = ((LocalCode)layer.Content).Path!;
            var source = paths.Resolve(_template.Directory, written, $"{layer.LogicalId}'s {(layer.Serverless ? "ContentUri" : "Content")}",
                layer.Content.Location, PathKind.Directory);
            if (source is not null)
                layers.Add(new LayerBuild(layer.Name, layer.LogicalId, source, FunctionBuilds.StagingDirectory(root, project, layer.Name)));
        }
        var functions = new List<FunctionBuild>();
        foreach (var function in Functions.Where(f => f.Consistent))
        {
            if (FunctionBuilds.Resolve(root, project, _projectDirectory, function.Name, function.Merged, _map, paths, _errors) is not { } build)
                continue;
            functions.Add(build with
            {
                LogicalId = function.LogicalId,
                Layers = function.Template.Layers
                    .Select(id => layers.FirstOrDefault(l => l.LogicalId == id)?.Name).OfType<string>().ToList(),
            });
        }
        return (functions, layers);
    }

    private static string List(IReadOnlyList<TemplateFunction> functions) =>
        functions.Count == 0 ? "none" : string.Join(", ", functions.Select(f => $"{f.LogicalId} ({f.Name})"));
}
