namespace Liftoff.Engine;

/// <summary>Everything a run takes from the outside world, so tests can run a build in-process.</summary>
/// <param name="Out">stdout: the build's console, and what targets write to <see cref="ILiftoffBuild.StandardOutput"/>.</param>
public sealed record BuildInvocation(
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    TextWriter Out,
    bool IsTerminal,
    string RootDirectory)
{
    /// <summary>stderr: the build's console while a <see cref="MachineOutputAttribute"/> parameter is on; null keeps everything on <see cref="Out"/>.</summary>
    public TextWriter? Error { get; init; }

    public bool IsErrorTerminal { get; init; }
}
