using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Liftoff.Engine.Execution;
using Liftoff.Engine.IO;
using Liftoff.Engine.Tooling;
using Spectre.Console;

namespace Liftoff.Engine;

/// <summary>
/// What a build and its components see of the engine, NUKE's INukeBuild under Liftoff's name. Components are
/// interfaces deriving from this one, with targets and parameters as default-implemented properties.
/// </summary>
public interface ILiftoffBuild
{
    /// <summary>The repository root: the nearest folder upwards holding a .nuke folder, or --root.</summary>
    AbsolutePath RootDirectory { get; }

    BuildHost Host { get; }

    /// <summary>The targets named on the command line (or the default ones).</summary>
    IReadOnlyCollection<ExecutableTarget> InvokedTargets { get; }

    IReadOnlyCollection<ExecutableTarget> ExecutionPlan { get; }
    IReadOnlyCollection<ExecutableTarget> SucceededTargets { get; }
    IReadOnlyCollection<ExecutableTarget> FailedTargets { get; }
    IReadOnlyCollection<ExecutableTarget> FinishedTargets { get; }

    /// <summary>The build's console; secrets are masked in everything written to it.</summary>
    IAnsiConsole Console { get; }

    SecretMasker Secrets { get; }

    /// <summary>
    /// stdout itself, secrets masked: where a target writes machine-readable output. With a
    /// <see cref="MachineOutputAttribute"/> parameter on, it is the only thing on stdout; <see cref="Console"/> is on stderr.
    /// </summary>
    TextWriter StandardOutput { get; }

    /// <summary>The value of a parameter declared on an interface: <c>string? Env =&gt; TryGetValue(() =&gt; Env);</c></summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameter);

    /// <summary>Adds lines to the running target's row of the summary.</summary>
    void ReportSummary(Configure<IDictionary<string, string>>? configurator = null);

    /// <summary>Runs after the closing summary, in registration order: for lines a build must end with.</summary>
    void OnBuildFinished(Action<IAnsiConsole> action);

    /// <summary>One instance per build run, created on first use (configuration, clients).</summary>
    T Cached<T>(Func<T> create, [CallerMemberName] string key = "") where T : notnull;
}
