using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>--json: the targets that report something print it as JSON on stdout, for scripts and CI steps.</summary>
public interface IHazJson : ILiftoffBuild
{
    [Parameter("Print the result as JSON on stdout (Releases, Affected, CiPolicy); the build's own output goes to stderr")]
    bool Json => TryGetValue(() => Json);
}
