using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>What Compile built.</summary>
public sealed record CompileReport(IReadOnlyList<StagedFunction> Functions, IReadOnlyDictionary<string, int> FrontEndFiles);

/// <summary>
/// Builds the selected projects: each function into its staging folder, then the front end. Projects
/// build in parallel (at most MaxParallelism at once); a project's own steps run in order. A failing
/// project does not stop the others: every failure is reported together at the end.
/// </summary>
public sealed class ProjectCompiler
{
    private readonly ToolRunner _tools;
    private readonly IReadOnlyDictionary<FunctionBuilder, IFunctionBuilder> _builders;
    private readonly FrontEndBuilder _frontEnds;
    private readonly RepositoryBoundary _boundary;

    private readonly CompileStamps _stamps;
    private readonly string _common = CompileStamps.Common();

    /// <param name="inCi">A CI build: a node function without package-lock.json is refused rather than given one.</param>
    /// <param name="force">Build every unit, even one whose inputs and output are as its last build left them.</param>
    public ProjectCompiler(string rootDirectory, TextWriter output, bool inCi = false, bool force = false)
    {
        _stamps = new CompileStamps(rootDirectory, force);
        _tools = new ToolRunner(output);
        var npm = new NpmInstall(_tools, inCi);
        var boundary = _boundary = new RepositoryBoundary(rootDirectory);
        _builders = new Dictionary<FunctionBuilder, IFunctionBuilder>
        {
            [FunctionBuilder.Node] = new NodeFunctionBuilder(_tools, npm, boundary),
            [FunctionBuilder.TypeScript] = new TypeScriptFunctionBuilder(_tools, npm, boundary),
            [FunctionBuilder.Python] = new PythonFunctionBuilder(_tools, boundary),
        };
        _frontEnds = new FrontEndBuilder(_tools);
    }

    /// <summary>Two by default: npm and esbuild are busy enough that more only adds contention on a small machine.</summary>
    public int MaxParallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    public async Task<CompileReport> CompileAsync(IReadOnlyList<ProjectBuild> projects, CancellationToken cancellationToken)
    {
        var functions = new List<StagedFunction>();
        var frontEnds = new Dictionary<string, int>();
        var failures = new List<string>();
        await Parallel.ForEachAsync(projects,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism, CancellationToken = cancellationToken },
            async (project, ct) =>
            {
                try
                {
                    foreach (var layer in project.Layers)
                    {
                        var staged = await StagedAsync(project.Project, LayerUnit(project.Project, layer),
                            () => Task.Run(() => StageLayer(project.Project, layer, ct), ct), () => [], ct);
                        lock (functions) functions.Add(staged);
                    }
                    foreach (var function in project.Functions)
                    {
                        var staged = await StagedAsync(project.Project, FunctionUnit(project.Project, function),
                            () => _builders[function.Builder].BuildAsync(project.Project, function, ct), () => BundleReads(project.Project, function), ct);
                        lock (functions) functions.Add(staged);
                    }
                    if (project.FrontEnd is { } frontEnd)
                    {
                        var files = await FrontEndAsync(project.Project, frontEnd, ct);
                        lock (frontEnds) frontEnds[project.Project] = files;
                    }
                }
                catch (BuildStepException e)
                {
                    lock (failures) failures.Add(e.Message);
                }
            });

        if (failures.Count > 0)
            throw new BuildStepException(
                $"{failures.Count} of {projects.Count} projects failed to build:{Environment.NewLine}" +
                string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal)));
        return new CompileReport(
            functions.OrderBy(f => f.Project, StringComparer.Ordinal).ThenBy(f => f.Function, StringComparer.Ordinal).ToList(),
            frontEnds);
    }

    private CompileStamps.Unit FunctionUnit(string project, FunctionBuild function) =>
        new(project, "function-" + function.Name, _common + "\n" + CompileStamps.SettingsOf(function), function.SourceDirectory, function.StagingDirectory);

    private CompileStamps.Unit LayerUnit(string project, LayerBuild layer) =>
        new(project, "layer-" + layer.Name, _common + "\nlayer\n" + layer.StagingDirectory, layer.SourceDirectory, layer.StagingDirectory);

    /// <summary>A function or layer built, or the staging folder its last build left when nothing it depends on changed.</summary>
    /// <param name="reads">After the build: the files outside the unit's source folder it read.</param>
    private async Task<StagedFunction> StagedAsync(
        string project, CompileStamps.Unit unit, Func<Task<StagedFunction>> build, Func<IReadOnlyList<string>> reads, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var check = await _stamps.CheckAsync(unit, ct);
        var name = unit.Name[(unit.Name.IndexOf('-') + 1)..];
        if (check.Current)
        {
            _tools.Report(project, $"{name}: up to date ({check.FileCount} files staged; nothing it is built from changed)");
            return new StagedFunction(project, name, unit.Output, check.FileCount, clock.Elapsed);
        }
        var staged = await build();
        await _stamps.RecordAsync(check, staged.FileCount, reads(), ct);
        return staged;
    }

    private IReadOnlyList<string> BundleReads(string project, FunctionBuild function) =>
        function.Builder == FunctionBuilder.TypeScript
            ? BundleInputs.OutsideOf(function.SourceDirectory, BundleInputs.MetafileFor(_boundary.Root, project, function.Name))
            : [];

    /// <summary>The front end built, or its output as the last build left it when nothing under its source folder changed.</summary>
    private async Task<int> FrontEndAsync(string project, FrontEnd frontEnd, CancellationToken ct)
    {
        var unit = new CompileStamps.Unit(project, "frontend", _common + "\nfrontend\n" + frontEnd.BuildCommand + "\n" + frontEnd.OutputDirectory,
            frontEnd.SourceDirectory, frontEnd.OutputDirectory, Skip: frontEnd.OutputDirectory);
        var check = await _stamps.CheckAsync(unit, ct);
        if (check.Current)
        {
            _tools.Report(project, $"front end: up to date ({check.FileCount} files in {Path.GetFileName(frontEnd.OutputDirectory)}; nothing under {Path.GetFileName(frontEnd.SourceDirectory)} changed)");
            return check.FileCount;
        }
        var files = await _frontEnds.BuildAsync(project, frontEnd, ct);
        await _stamps.RecordAsync(check, files, [], ct);
        return files;
    }

    /// <summary>
    /// A layer's folder is its content as it is (python/…, nodejs/node_modules/…), as <c>aws cloudformation package</c>
    /// zips it: Lambda extracts it into /opt.
    /// </summary>
    private StagedFunction StageLayer(string project, LayerBuild layer, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FileTree.Recreate(layer.StagingDirectory);
        FileTree.CopyAll(layer.SourceDirectory, layer.StagingDirectory, _boundary, project, cancellationToken);
        var files = Directory.GetFiles(layer.StagingDirectory, "*", SearchOption.AllDirectories).Length;
        _tools.Report(project, $"layer {layer.Name}: staged {files} files");
        return new StagedFunction(project, layer.Name, layer.StagingDirectory, files, clock.Elapsed);
    }
}
