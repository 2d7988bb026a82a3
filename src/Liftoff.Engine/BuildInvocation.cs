namespace Liftoff.Engine;

/// <summary>Everything a run takes from the outside world, so tests can run a build in-process.</summary>
public sealed record BuildInvocation(
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    TextWriter Out,
    bool IsTerminal,
    string RootDirectory);
