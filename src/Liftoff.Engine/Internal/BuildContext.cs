using Liftoff.Engine.IO;
using Spectre.Console;

namespace Liftoff.Engine.Internal;

/// <summary>
/// The run that the calling code belongs to. NUKE's API is static (<c>RootDirectory</c>, <c>IsServerBuild</c>,
/// <c>Log</c>, <c>DotNetBuild(...)</c>); an async-local context gives each run its own answers, so builds run
/// in-process side by side (the tests do) never see each other's root, environment, console or cancellation.
/// Outside any run the answers come from the process, as NUKE's do.
/// </summary>
internal sealed class BuildContext
{
    private static readonly AsyncLocal<BuildContext?> CurrentRun = new();
    private static readonly Lazy<BuildContext> ProcessDefaults = new(() =>
    {
        var environment = Parameters.ParameterSources.ProcessEnvironment();
        return new BuildContext(
            AbsolutePath.Create(LiftoffBuild.ProcessRootDirectory()),
            environment, Hosts.HostDetector.Detect(environment), new SecretMasker());
    });

    public BuildContext(AbsolutePath rootDirectory, IReadOnlyDictionary<string, string> environment, BuildHost host, SecretMasker secrets)
    {
        RootDirectory = rootDirectory;
        Environment = environment;
        Host = host;
        Secrets = secrets;
    }

    /// <summary>The run of the calling code, or the process's defaults outside any run.</summary>
    public static BuildContext Current => CurrentRun.Value ?? ProcessDefaults.Value;

    /// <summary>Makes this the context of the calling async flow and everything it starts.</summary>
    public void Enter() => CurrentRun.Value = this;

    public AbsolutePath RootDirectory { get; set; }
    public IReadOnlyDictionary<string, string> Environment { get; }
    public BuildHost Host { get; set; }
    public SecretMasker Secrets { get; }
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;
    public IAnsiConsole? Console { get; set; }
    public CancellationToken CancellationToken { get; set; }

    public string? Variable(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Writes one line of a tool's or the log's output as plain text: through the run's (masked) console, else stdout.</summary>
    public void WriteLine(string text)
    {
        var masked = Secrets.Apply(text);
        if (Console is { } console) console.Profile.Out.Writer.WriteLine(masked);
        else System.Console.Out.WriteLine(masked);
    }
}
