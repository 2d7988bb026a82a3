using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Liftoff.Engine.Internal;
using Liftoff.Engine.Internal.Output;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.IO;
using Spectre.Console;

namespace Liftoff.Engine;

/// <summary>
/// The base of a build class, NUKE's NukeBuild under Liftoff's name: <c>public static int Main() =&gt; Execute&lt;Build&gt;(x =&gt; x.Compile);</c>.
/// Partial files by concern: Statics (root, host, verbosity), Events (lifecycle overrides), Targets (the run's targets),
/// Execute (entry points).
/// </summary>
public abstract partial class LiftoffBuild : ILiftoffBuild
{
    private readonly ConcurrentDictionary<string, object> _cache = new();
    private ParameterValues? _parameters;
    private IAnsiConsole? _console;
    private BuildContext? _context;

    AbsolutePath ILiftoffBuild.RootDirectory => RootDirectory;
    public BuildHost Host => Context.Host;
    public IAnsiConsole Console => _console ?? throw new InvalidOperationException("The console exists once the build runs.");
    public SecretMasker Secrets { get; } = new();
    public TextWriter StandardOutput { get; private set; } = TextWriter.Null;

    internal BuildContext Context => _context ?? BuildContext.Current;

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

    /// <summary>Runs this build in-process with the given invocation (tests use this directly).</summary>
    public async Task<int> RunAsync(BuildInvocation invocation, IReadOnlyList<Target> defaultTargets, CancellationToken cancellationToken)
    {
        var descriptors = ParameterDiscovery.Discover(GetType());
        var output = Masked(invocation.Out);
        var errors = invocation.Error is null ? null : Masked(invocation.Error);
        StandardOutput = output;
        // A [MachineOutput] parameter on (--json): stdout holds only what targets write to StandardOutput, and the
        // build's own output (rules, plan, summary, errors) goes to stderr.
        var machineOutput = errors is not null && MachineOutput.IsRequested(invocation.Arguments, descriptors);
        _console = machineOutput
            ? ConsoleFactory.Create(errors!, invocation.IsErrorTerminal, invocation.Environment)
            : ConsoleFactory.Create(output, invocation.IsTerminal, invocation.Environment);
        // What stops the run (a usage error, a failed target's message) goes to stderr, when there is one.
        var errorConsole = errors is null || machineOutput ? _console : ConsoleFactory.Create(errors, invocation.IsErrorTerminal, invocation.Environment);
        _context = new BuildContext(AbsolutePath.Create(invocation.RootDirectory), invocation.Environment,
            Internal.Hosts.HostDetector.Detect(invocation.Environment), Secrets)
        {
            Console = _console,
            CancellationToken = cancellationToken,
        };
        _context.Enter();
        RunLogSink.Install();
        try
        {
            return await new BuildRunner(this, invocation, _console, descriptors, errorConsole)
                .RunAsync(defaultTargets, parameters => _parameters = parameters, cancellationToken);
        }
        finally
        {
            Complete(output, invocation.Out);
            if (errors is not null) Complete(errors, invocation.Error!);
        }
    }

    /// <summary>stdout or stderr with secrets masked; a writer the caller already masks (Execute's) is used as is.</summary>
    private TextWriter Masked(TextWriter writer) => writer as MaskingWriter ?? (TextWriter)new MaskingWriter(writer, Secrets);

    /// <summary>Flushes what a mask of this run's own still holds back (a secret may end in the next write).</summary>
    private static void Complete(TextWriter masked, TextWriter given)
    {
        if (!ReferenceEquals(masked, given)) ((MaskingWriter)masked).Complete();
    }

    /// <summary>The nearest folder upwards holding .nuke, as NUKE finds its root; the start itself when there is none.</summary>
    public static string FindRootDirectory(string start) => NearestRoot(start) ?? start;

    /// <summary>
    /// The root of this process's build: the repository its build assembly was built in (build.sh and build.ps1 run it from
    /// build/bin), so `cd .. &amp;&amp; liftoff/build.sh Compile` acts on liftoff, not on the folder it was started from; a build
    /// assembly kept outside any repository falls back to NUKE's rule, the nearest .nuke above the working directory.
    /// </summary>
    internal static string ProcessRootDirectory() =>
        NearestRoot(AppContext.BaseDirectory) ?? FindRootDirectory(Directory.GetCurrentDirectory());

    private static string? NearestRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        return null;
    }
}
