using Liftoff.Engine;

namespace Liftoff.Components;

public interface IPackage : ICompile
{
    Target Package => _ => _
        .Description("Builds deterministic, verified Lambda artifacts and front-end asset manifests")
        .DependsOn(Compile)
        .Executes(() => NotBuiltYet.Fail(nameof(Package)));
}
