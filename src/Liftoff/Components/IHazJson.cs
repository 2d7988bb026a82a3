using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// --json: targets that can answer scripts (Releases, Invoke, Affected, CiPolicy) print JSON on
/// <see cref="ILiftoffBuild.StandardOutput"/> instead of tables. The parameter is [MachineOutput]: named on the
/// command line, it sends the engine's own output (target rules, summary) to stderr, so stdout stays valid JSON.
/// </summary>
public interface IHazJson : ILiftoffBuild
{
    [Parameter("Print JSON on stdout for scripts (Releases, Invoke, Affected, CiPolicy); the build's own output goes to stderr")]
    [MachineOutput]
    bool Json => TryGetValue(() => Json);
}
