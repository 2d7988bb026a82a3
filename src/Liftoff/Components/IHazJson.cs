using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// --json: targets that can answer scripts (Releases; later Affected, CiPolicy, Invoke) print JSON on
/// <see cref="ILiftoffBuild.StandardOutput"/> instead of tables. The parameter is [MachineOutput], so while it
/// is on the engine writes its own output (target rules, summary) to stderr and stdout stays valid JSON.
/// </summary>
public interface IHazJson : ILiftoffBuild
{
    [Parameter("Print JSON on stdout for scripts (Releases); the build's own output goes to stderr")]
    [MachineOutput]
    bool Json => TryGetValue(() => Json);
}
