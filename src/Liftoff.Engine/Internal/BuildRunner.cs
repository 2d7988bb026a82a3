using System.Diagnostics;
using Liftoff.Engine.Internal.Cli;
using Liftoff.Engine.Internal.Execution;
using Liftoff.Engine.Internal.Output;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;
using Spectre.Console;

namespace Liftoff.Engine.Internal;

/// <summary>One run: read the command line and parameters, find the targets, then help, plan or execute.</summary>
internal sealed class BuildRunner(LiftoffBuild build, BuildInvocation invocation, IAnsiConsole console)
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;

    public async Task<int> RunAsync(IReadOnlyList<Target> defaultTargets, Action<ParameterValues> publish,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var commandLine = CommandLine.Parse(invocation.Arguments);
        var descriptors = ParameterDiscovery.Discover(build.GetType());
        ExecutionPlan plan;
        try
        {
            RejectUnknownOptions(commandLine, descriptors);
            var profile = commandLine.Values("profile").FirstOrDefault();
            var files = await ParameterSources.ReadFilesAsync(invocation.RootDirectory, profile, cancellationToken);
            ParameterFileKeys.RejectUnknown(files, descriptors);
            var sources = new ParameterSources(commandLine.Options, invocation.Environment, files);
            var values = ParameterValues.Resolve(descriptors, sources, invocation.RootDirectory, build.Secrets);
            values.Inject(build, descriptors);
            publish(values);
            values.AddSecrets(descriptors, build.Secrets);

            var graph = TargetGraph.Discover(build);
            await WriteSchemaWhenStaleAsync(graph, descriptors, cancellationToken);
            var defaults = defaultTargets.Select(graph.Of).ToList();
            if (commandLine.Has("help"))
            {
                HelpWriter.Write(console, graph, defaults, descriptors, values);
                return Success;
            }

            // As in NUKE: targets named on the command line, else "Target" from the parameter files, else the defaults.
            var named = commandLine.Targets.Count > 0 ? commandLine.Targets : ParameterFileKeys.Targets(files) ?? [];
            var requested = named.Count == 0 ? defaults : named.Select(name => Find(graph, name)).ToList();
            build.InvokedTargets = requested.Select(t => t.Name).ToArray();
            if (requested.Count == 0)
                throw new UsageException("No target was named and the build has no default target. See --help.");

            var skip = commandLine.Has("skip")
                ? new SkipRequest(commandLine.Values("skip").Count == 0, commandLine.Values("skip"))
                : ParameterFileKeys.SkipRequest(files) ?? SkipRequest.None;
            foreach (var name in skip.Names) Find(graph, name);
            plan = ExecutionPlanner.Plan(graph, requested, skip);
            if (commandLine.Has("plan"))
            {
                PlanWriter.Write(console, plan);
                return Success;
            }

            if (MissingRequirements(plan, descriptors) is { Count: > 0 } missing)
                throw new UsageException(string.Join(Environment.NewLine, missing));
        }
        catch (Exception e) when (ExitCodeOf(e, cancellationToken) is { } exitCode)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return exitCode;
        }

        var executor = new TargetExecutor(console, new HostOutput(console, build.Host), commandLine.Has("trace"));
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
        // Generating it costs a good part of a warm --help. The schema depends on the build's code alone, so
        // a stamp of that code's identity and of the file as last written skips the work until either changes.
        var stampPath = Path.Combine(invocation.RootDirectory, SchemaWriter.StampRelativePath);
        var stamp = SchemaStamp(path);
        if (stamp is not null && File.Exists(stampPath) && await File.ReadAllTextAsync(stampPath, cancellationToken) == stamp) return;
        var schema = SchemaWriter.Generate(graph, descriptors);
        if (!File.Exists(path) || await File.ReadAllTextAsync(path, cancellationToken) != schema)
            await File.WriteAllTextAsync(path, schema, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(stampPath)!);
        await File.WriteAllTextAsync(stampPath, SchemaStamp(path), cancellationToken);
    }

    /// <summary>The build's assemblies (by module version id) and the schema file's size and time; null without a file.</summary>
    private string? SchemaStamp(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return null;
        var code = build.GetType().GetInterfaces().Append(build.GetType()).Append(typeof(SchemaWriter))
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")).Distinct().Order(StringComparer.Ordinal);
        return $"{string.Join(' ', code)}\n{file.Length} {file.LastWriteTimeUtc.Ticks}\n";
    }
}

internal sealed class UsageException(string message) : Exception(message);
