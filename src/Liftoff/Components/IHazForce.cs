using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>--force: redo work that the build would otherwise skip as up to date. Shared by every stage that skips.</summary>
public interface IHazForce : ILiftoffBuild
{
    [Parameter("Redo work that is up to date (Package: rebuild artifacts whose inputs have not changed)")]
    bool Force => TryGetValue(() => Force);
}
