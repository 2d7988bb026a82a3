using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Liftoff.Engine.Internal;
using Liftoff.Engine.Internal.Output;
using Liftoff.Engine.Internal.Parameters;
using Spectre.Console;

namespace Liftoff.Engine;

/// <summary>
/// The base of a build class. <c>public static Task&lt;int&gt; Main(string[] args) =&gt; Execute&lt;Build&gt;(args, x =&gt; x.Test);</c>
/// </summary>
public abstract class LiftoffBuild : ILiftoffBuild
{
    private readonly ConcurrentDictionary<string, object> _cache = new();
    private ParameterValues? _parameters;
    private IAnsiConsole? _console;

    public string RootDirectory { get; private set; } = Directory.GetCurrentDirectory();
    public BuildHost Host { get; private set; } = new(BuildHostKind.Local, null, null);
    public IReadOnlyCollection<string> InvokedTargets { get; internal set; } = [];
    public IAnsiConsole Console => _console ?? throw new InvalidOperationException("The console exists once the build runs.");
    public SecretMasker Secrets { get; } = new();
    private IReadOnlyDictionary<string, string> _variables = new Dictionary<string, string>();

    public string? GetVariable(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public T? TryGetValue<T>(Expression<Func<T?>> parameter)
    {
        var name = Internal.Planning.TargetDefinition.MemberNameOf(parameter.Body);
        return _parameters is not null && _parameters.TryGet(name, out var value) && value is T typed ? typed : default;
    }

    private readonly ConcurrentQueue<Action<IAnsiConsole>> _finished = new();

    public void OnBuildFinished(Action<IAnsiConsole> action) => _finished.Enqueue(action);

    internal IEnumerable<Action<IAnsiConsole>> FinishedActions => _finished;

    public T Cached<T>(Func<T> create, [CallerMemberName] string key = "") where T : notnull =>
        (T)_cache.GetOrAdd(typeof(T).FullName + "/" + key, _ => create());

    /// <summary>Runs the build for this process: real arguments, environment, console and Ctrl-C.</summary>
    public static async Task<int> Execute<T>(string[] args, params Func<T, Target>[] defaultTargets)
        where T : LiftoffBuild, new()
    {
        var build = new T();
        var environment = ParameterSources.ProcessEnvironment();
        var stdout = System.Console.Out;
        var masked = new MaskingWriter(stdout, build.Secrets);
        System.Console.SetOut(masked);
        var maskedErrors = new MaskingWriter(System.Console.Error, build.Secrets);
        System.Console.SetError(maskedErrors);

        using var cancellation = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C cancels the running target and lets the summary print; a second one ends the process.
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };

        // With --json a target's result (e.g. `Releases --json`) is the only thing on stdout, for jq and scripts:
        // the build's own output (target rules, summary) goes to stderr instead.
        var machineOutput = args.Contains("--json", StringComparer.OrdinalIgnoreCase);
        var invocation = new BuildInvocation(args, environment, machineOutput ? maskedErrors : masked,
            machineOutput ? !System.Console.IsErrorRedirected : !System.Console.IsOutputRedirected,
            FindRootDirectory(Directory.GetCurrentDirectory()));
        var exitCode = await build.RunAsync(invocation, defaultTargets.Select(select => select(build)).ToArray(), cancellation.Token);
        masked.Complete();
        maskedErrors.Complete();
        return exitCode;
    }

    /// <summary>Runs this build in-process with the given invocation (tests use this directly).</summary>
    public async Task<int> RunAsync(BuildInvocation invocation, IReadOnlyList<Target> defaultTargets, CancellationToken cancellationToken)
    {
        RootDirectory = invocation.RootDirectory;
        Host = Internal.Hosts.HostDetector.Detect(invocation.Environment);
        _variables = invocation.Environment;
        var own = invocation.Out as MaskingWriter is null ? new MaskingWriter(invocation.Out, Secrets) : null;
        _console = ConsoleFactory.Create(own ?? invocation.Out, invocation.IsTerminal, invocation.Environment);
        try
        {
            return await new BuildRunner(this, invocation, _console)
                .RunAsync(defaultTargets, parameters => _parameters = parameters, cancellationToken);
        }
        finally
        {
            own?.Complete();
        }
    }

    /// <summary>The nearest folder upwards holding .nuke, as NUKE finds its root.</summary>
    public static string FindRootDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        return start;
    }
}
