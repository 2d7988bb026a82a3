using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>--force: redo work that the build would otherwise skip as up to date. Shared by every stage that skips.</summary>
public interface IHazForce : ILiftoffBuild
{
    [Parameter("Redo work that is up to date (Compile: build unchanged functions and front ends; Package: rebuild unchanged artifacts; Deploy: deploy even when the live release matches; InvalidateCdn: invalidate a release again)")]
    bool Force => TryGetValue(() => Force);
}
