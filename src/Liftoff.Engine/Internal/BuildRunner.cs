using System.Diagnostics;
using Liftoff.Engine.Internal.Cli;
using Liftoff.Engine.Internal.Execution;
using Liftoff.Engine.Internal.Output;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;
using Spectre.Console;

namespace Liftoff.Engine.Internal;

/// <summary>
/// One run: read the command line and parameters, open the console, find and plan the targets, then show help,
/// show the plan or execute it.
/// </summary>
/// <param name="openConsole">Opens the build's console once the parameters are read: true when a
/// [MachineOutput] parameter is on, so the engine's own output goes to stderr.</param>
internal sealed class BuildRunner(LiftoffBuild build, BuildInvocation invocation, Func<bool, IAnsiConsole> openConsole)
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;

    private readonly CommandLine _commandLine = CommandLine.Parse(invocation.Arguments);
    private readonly IReadOnlyList<ParameterDescriptor> _descriptors = ParameterDiscovery.Discover(build.GetType());

    public async Task<int> RunAsync(IReadOnlyList<Target> defaultTargets, Action<ParameterValues> publish,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        IAnsiConsole? console = null;
        ExecutionPlan? plan;
        try
        {
            var (values, files) = await ReadParametersAsync(publish, cancellationToken);
            console = openConsole(WritesMachineOutput(values));
            plan = await PlanAsync(defaultTargets, values, files, console, cancellationToken);
            if (plan is null) return Success;
        }
        catch (Exception e) when (ExitCodeOf(e, cancellationToken) is { } exitCode)
        {
            console ??= openConsole(WritesMachineOutput(values: null));
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return exitCode;
        }
        return await ExecuteAsync(plan, console, clock, cancellationToken);
    }

    /// <summary>Every parameter's value from the command line, the environment and the parameter files, injected into the build.</summary>
    private async Task<(ParameterValues Values, IReadOnlyList<ParameterFile> Files)> ReadParametersAsync(
        Action<ParameterValues> publish, CancellationToken cancellationToken)
    {
        RejectUnknownOptions(_commandLine, _descriptors);
        var profile = _commandLine.Values("profile").FirstOrDefault();
        var files = await ParameterSources.ReadFilesAsync(invocation.RootDirectory, profile, cancellationToken);
        ParameterFileKeys.RejectUnknown(files, _descriptors);
        var sources = new ParameterSources(_commandLine.Options, invocation.Environment, files);
        var values = ParameterValues.Resolve(_descriptors, sources, invocation.RootDirectory, build.Secrets);
        values.Inject(build, _descriptors);
        publish(values);
        values.AddSecrets(_descriptors, build.Secrets);
        return (values, files);
    }

    /// <summary>
    /// Whether a [MachineOutput] parameter is on. Before the values are known (a usage error in reading
    /// them), naming such a parameter on the command line is enough, so even that error stays off stdout.
    /// </summary>
    private bool WritesMachineOutput(ParameterValues? values) =>
        _descriptors.Where(d => d.IsMachineOutput).Any(d => values is null
            ? _commandLine.Has(Naming.ToKebabCase(d.Name))
            : values.TryGet(d.Member.Name, out var value) && value is true);

    /// <summary>The execution plan; null when --help or --plan asked only to be shown something.</summary>
    private async Task<ExecutionPlan?> PlanAsync(IReadOnlyList<Target> defaultTargets, ParameterValues values,
        IReadOnlyList<ParameterFile> files, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var graph = TargetGraph.Discover(build);
        await WriteSchemaWhenStaleAsync(graph, _descriptors, cancellationToken);
        var defaults = defaultTargets.Select(graph.Of).ToList();
        if (_commandLine.Has("help"))
        {
            HelpWriter.Write(console, graph, defaults, _descriptors, values);
            return null;
        }

        // As in NUKE: targets named on the command line, else "Target" from the parameter files, else the defaults.
        var named = _commandLine.Targets.Count > 0 ? _commandLine.Targets : ParameterFileKeys.Targets(files) ?? [];
        var requested = named.Count == 0 ? defaults : named.Select(name => Find(graph, name)).ToList();
        build.InvokedTargets = requested.Select(t => t.Name).ToArray();
        if (requested.Count == 0)
            throw new UsageException("No target was named and the build has no default target. See --help.");

        var skip = _commandLine.Has("skip")
            ? new SkipRequest(_commandLine.Values("skip").Count == 0, _commandLine.Values("skip"))
            : ParameterFileKeys.SkipRequest(files) ?? SkipRequest.None;
        foreach (var name in skip.Names) Find(graph, name);
        var plan = ExecutionPlanner.Plan(graph, requested, skip);
        if (_commandLine.Has("plan"))
        {
            PlanWriter.Write(console, plan);
            return null;
        }

        if (MissingRequirements(plan, _descriptors) is { Count: > 0 } missing)
            throw new UsageException(string.Join(Environment.NewLine, missing));
        return plan;
    }

    private async Task<int> ExecuteAsync(ExecutionPlan plan, IAnsiConsole console, Stopwatch clock, CancellationToken cancellationToken)
    {
        var executor = new TargetExecutor(console, new HostOutput(console, build.Host), _commandLine.Has("trace"));
        var results = await executor.RunAsync(plan, cancellationToken);
        console.WriteLine();
        SummaryWriter.Write(console, results, clock.Elapsed);
        foreach (var finished in build.FinishedActions) finished(console);

        if (cancellationToken.IsCancellationRequested) return Cancelled;
        return results.Any(r => r.Status == TargetStatus.Failed) ? TargetFailed : Success;
    }

    /// <summary>The exit code for what can go wrong before a target runs; null lets anything else surface as a crash.</summary>
    private static int? ExitCodeOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        UsageException or ParameterException or BuildDefinitionException => UsageError,
        ConditionException => TargetFailed,
        OperationCanceledException when cancellationToken.IsCancellationRequested => Cancelled,
        _ => null,
    };

    private static TargetInfo Find(TargetGraph graph, string name)
    {
        if (graph.Find(name) is { } target) return target;
        var suggestion = Suggestions.Nearest(name, graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name));
        throw new UsageException(suggestion is null
            ? $"Unknown target '{name}'. Run ./build.sh --help to list the targets."
            : $"Unknown target '{name}'. Did you mean '{suggestion}'?");
    }

    private static void RejectUnknownOptions(CommandLine commandLine, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var known = descriptors.Select(d => Naming.ToKebabCase(d.Name))
            .Concat(CommandLine.EngineOptions.Select(o => o.Name))
            .ToList();
        foreach (var option in commandLine.Options.Keys)
        {
            if (known.Contains(option, StringComparer.OrdinalIgnoreCase)) continue;
            var suggestion = Suggestions.Nearest(option, known);
            throw new UsageException(suggestion is null
                ? $"Unknown parameter '--{option}'. Run ./build.sh --help to list the parameters."
                : $"Unknown parameter '--{option}'. Did you mean '--{suggestion}'?");
        }
    }

    /// <summary>Every unmet requirement of a target that will run, each saying how to give the value.</summary>
    private static List<string> MissingRequirements(ExecutionPlan plan, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var missing = new List<string>();
        foreach (var target in plan.Targets.Where(t => !plan.Skipped.Contains(t)))
        foreach (var requirement in target.Definition.Requirements.Where(r => !ExecutionPlanner.Evaluate(target, "requirement", r.IsMet)))
        {
            var name = descriptors.FirstOrDefault(d => d.Member.Name == requirement.Name)?.Name ?? requirement.Name;
            missing.Add(requirement.IsParameter
                ? $"Target {target.Name} needs the parameter {name}: give --{Naming.ToKebabCase(name)} <value>, " +
                  $"set LIFTOFF_{Naming.ToUpperSnakeCase(name)}, or add \"{name}\" to .nuke/parameters.json."
                : $"Target {target.Name} requires {requirement.Name}, which does not hold.");
        }
        return missing.Distinct().ToList();
    }

    /// <summary>Keeps .nuke/build.schema.json current on developer machines, as NUKE does; CI only reads it.</summary>
    private async Task WriteSchemaWhenStaleAsync(TargetGraph graph, IReadOnlyList<ParameterDescriptor> descriptors, CancellationToken cancellationToken)
    {
        if (build.Host.IsCi) return;
        var path = Path.Combine(invocation.RootDirectory, SchemaWriter.RelativePath);
        if (!Directory.Exists(Path.GetDirectoryName(path))) return;
        var schema = SchemaWriter.Generate(graph, descriptors);
        if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken) == schema) return;
        await File.WriteAllTextAsync(path, schema, cancellationToken);
    }
}

internal sealed class UsageException(string message) : Exception(message);
