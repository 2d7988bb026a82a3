using System.Diagnostics;
using Liftoff.Engine.CI;
using Liftoff.Engine.Internal.Cli;
using Liftoff.Engine.Internal.Execution;
using Liftoff.Engine.Internal.Injection;
using Liftoff.Engine.Internal.Output;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;
using Spectre.Console;

namespace Liftoff.Engine.Internal;

/// <summary>
/// One run: read the command line and parameters, find the targets, then complete, help, plan or execute. Partial files:
/// Options (the engine's own options and checks before anything runs). <paramref name="errors"/> is where what stops a
/// run is said: stderr when the invocation has one, so scripts and CI see failures there.
/// </summary>
internal sealed partial class BuildRunner(
    LiftoffBuild build, BuildInvocation invocation, IAnsiConsole console, IReadOnlyList<ParameterDescriptor> descriptors,
    IAnsiConsole errors)
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;
    /// <summary>Cancelled by SIGTERM, as CI systems cancel a job (LiftoffBuild.Execute tells it from Ctrl-C's 130).</summary>
    public const int Terminated = 143;

    private BuildContext Context => build.Context;

    public async Task<int> RunAsync(IReadOnlyList<Target> defaultTargets, Action<ParameterValues> publish,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (invocation.Arguments.Count > 0 && invocation.Arguments[0] == Completion.Command)
            return Complete(string.Join(' ', invocation.Arguments.Skip(1)), descriptors);

        var commandLine = CommandLine.Parse(invocation.Arguments);
        Prepared prepared;
        try
        {
            var ready = await PrepareAsync(commandLine, descriptors, defaultTargets, publish, cancellationToken);
            if (ready is null) return Success;
            prepared = ready;
        }
        catch (Exception e)
        {
            errors.MarkupLine($"[red]{Markup.Escape(ExceptionText.Describe(e))}[/]");
            if (commandLine.Has("trace")) errors.WriteLine(e.ToString());
            return ExitCodeOf(e, cancellationToken);
        }
        return await ExecuteAsync(commandLine, prepared, clock, cancellationToken);
    }

    private sealed record Prepared(ExecutionPlan Plan, BuildAttempt Attempt, IReadOnlySet<string> SucceededBefore);

    /// <summary>Everything before the first target: null when the run ends here (--help, --plan).</summary>
    private async Task<Prepared?> PrepareAsync(CommandLine commandLine, IReadOnlyList<ParameterDescriptor> descriptors,
        IReadOnlyList<Target> defaultTargets, Action<ParameterValues> publish, CancellationToken cancellationToken)
    {
        RejectUnknownOptions(commandLine, descriptors);
        var partition = ApplyEngineOptions(commandLine);
        Lifecycle("OnBuildCreated", build.OnBuildCreated);
        var root = Context.RootDirectory;
        var files = await ParameterSources.ReadFilesAsync(root, commandLine.Values("profile"), cancellationToken);
        ParameterFileKeys.RejectUnknown(files, descriptors);
        var values = ParameterValues.Resolve(descriptors, new ParameterSources(commandLine.Options, Context.Environment, files), root, build.Secrets);
        values.Inject(build, descriptors);
        publish(values);
        values.AddSecrets(descriptors, build.Secrets);

        var graph = TargetGraph.Discover(build);
        await WriteSchemaWhenStaleAsync(graph, descriptors, cancellationToken);
        var defaults = defaultTargets.Select(graph.Of).ToList();
        if (commandLine.Has("help"))
        {
            HelpWriter.Write(console, graph, defaults, descriptors, values);
            return null;
        }

        ValueProviders.Check(build, descriptors, values);
        var injector = new ValueInjector(build, values, Context, partition);
        await injector.InjectAsync(descriptors, cancellationToken);
        var plan = Plan(commandLine, files, graph, defaults);
        if (commandLine.Has("plan"))
        {
            PlanWriter.Write(console, plan);
            return null;
        }

        var missing = injector.MissingRequired(descriptors).Concat(MissingRequirements(plan, descriptors)).Distinct().ToList();
        if (missing.Count > 0) throw new UsageException(string.Join(Environment.NewLine, missing));
        Lifecycle("OnBuildInitialized", build.OnBuildInitialized);

        var attempt = new BuildAttempt(root, invocation.Arguments);
        var succeededBefore = commandLine.Has("continue") ? await attempt.SucceededBeforeAsync(cancellationToken) : new HashSet<string>();
        return new Prepared(plan, attempt, succeededBefore);
    }

    private ExecutionPlan Plan(CommandLine commandLine, IReadOnlyList<ParameterFile> files, TargetGraph graph, List<TargetInfo> defaults)
    {
        // As in NUKE: targets named on the command line, else "Target" from the parameter files, else the defaults.
        var named = commandLine.Targets.Count > 0 ? commandLine.Targets : ParameterFileKeys.Targets(files) ?? [];
        var requested = named.Count == 0 ? defaults : named.Select(name => Find(graph, name)).Distinct().ToList();
        if (requested.Count == 0)
            throw new UsageException("No target was named and the build has no default target. See --help.");

        var skip = commandLine.Has("skip")
            ? new SkipRequest(commandLine.Values("skip").Count == 0, commandLine.Values("skip"))
            : ParameterFileKeys.SkipRequest(files) ?? SkipRequest.None;
        foreach (var name in skip.Names) Find(graph, name);
        var plan = ExecutionPlanner.Plan(graph, requested, skip);
        build.ExecutionPlan = plan.Targets.Select(t => t.Executable).ToList();
        build.InvokedTargets = requested.Select(t => t.Executable).ToList();
        foreach (var target in plan.Skipped) target.Executable.Status = Engine.Execution.ExecutionStatus.Skipped;
        return plan;
    }

    private async Task<int> ExecuteAsync(CommandLine commandLine, Prepared prepared, Stopwatch clock, CancellationToken cancellationToken)
    {
        var executor = new TargetExecutor(errors, new HostOutput(console, errors, Context.Host), commandLine.Has("trace"), build, prepared.SucceededBefore);
        var results = await executor.RunAsync(prepared.Plan, cancellationToken);
        console.WriteLine();
        var summaries = prepared.Plan.Targets.ToDictionary(t => t.Name, t => t.Executable.SummaryInformation);
        SummaryWriter.Write(console, results, clock.Elapsed, name => summaries[name]);
        foreach (var finished in build.FinishedActions) finished(console);
        var overrideFailed = false;
        try
        {
            build.OnBuildFinished();
        }
        catch (Exception e)
        {
            console.MarkupLine($"[red]OnBuildFinished threw: {Markup.Escape(e.Message)}[/]");
            overrideFailed = true;
        }
        await prepared.Attempt.RecordAsync(results
            .Where(r => r.Status == TargetStatus.Succeeded || r.Reason == TargetResult.SucceededBefore)
            .Select(r => r.Name), cancellationToken);

        if (cancellationToken.IsCancellationRequested) return Cancelled;
        return overrideFailed || results.Any(r => r.Status == TargetStatus.Failed) ? TargetFailed : Success;
    }

    private int Complete(string line, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        foreach (var item in Completion.Items(line, TargetGraph.Discover(build), descriptors))
            console.Profile.Out.Writer.WriteLine(item);
        return Success;
    }

    /// <summary>
    /// The exit code for what can go wrong before a target runs: bad usage is 2; anything else (a lifecycle override or a
    /// condition that threw, a file that cannot be read) fails the run with 1 and its message, never a stack trace (--trace shows it).
    /// </summary>
    private static int ExitCodeOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        UsageException or ParameterException or BuildDefinitionException => UsageError,
        OperationCanceledException when cancellationToken.IsCancellationRequested => Cancelled,
        _ => TargetFailed,
    };

    /// <summary>A lifecycle override that throws before the targets run fails the build (exit 1), with its name.</summary>
    private static void Lifecycle(string name, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            throw new LifecycleException($"{name} threw: {e.Message}");
        }
    }

    private static TargetInfo Find(TargetGraph graph, string name)
    {
        if (graph.Find(name) is { } target) return target;
        var suggestion = Suggestions.Nearest(name, graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name));
        throw new UsageException(suggestion is null
            ? $"Unknown target '{name}'. Run ./build.sh --help to list the targets."
            : $"Unknown target '{name}'. Did you mean '{suggestion}'?");
    }
}

internal sealed class UsageException(string message) : Exception(message);

internal sealed class LifecycleException(string message) : Exception(message);
