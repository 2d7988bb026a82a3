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
        var own = invocation.Out as MaskingWriter is null ? new MaskingWriter(invocation.Out, Secrets) : null;
        _console = ConsoleFactory.Create(own ?? invocation.Out, invocation.IsTerminal, invocation.Environment);
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
            return await new BuildRunner(this, invocation, _console)
                .RunAsync(defaultTargets, parameters => _parameters = parameters, cancellationToken);
        }
        finally
        {
            own?.Complete();
        }
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
