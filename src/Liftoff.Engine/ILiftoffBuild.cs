using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Spectre.Console;

namespace Liftoff.Engine;

/// <summary>
/// What a build and its components see of the engine. Components are interfaces deriving from this one,
/// with targets and parameters as default-implemented properties.
/// </summary>
public interface ILiftoffBuild
{
    /// <summary>The repository root: the nearest folder upwards holding a .nuke folder.</summary>
    string RootDirectory { get; }

    BuildHost Host { get; }

    /// <summary>An environment variable of this run, or null when unset or empty (an in-process run sees only the ones it was given).</summary>
    string? GetVariable(string name);

    /// <summary>The targets named on the command line (or the default ones), as NUKE's InvokedTargets.</summary>
    IReadOnlyCollection<string> InvokedTargets { get; }

    /// <summary>The build's console; secrets are masked in everything written to it.</summary>
    IAnsiConsole Console { get; }

    SecretMasker Secrets { get; }

    /// <summary>The value of a parameter declared on an interface: <c>string? Env =&gt; TryGetValue(() =&gt; Env);</c></summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameter);

    /// <summary>Runs after the closing summary, in registration order: for lines a build must end with.</summary>
    void OnBuildFinished(Action<IAnsiConsole> action);

    /// <summary>One instance per build run, created on first use (configuration, clients).</summary>
    T Cached<T>(Func<T> create, [CallerMemberName] string key = "") where T : notnull;
}
