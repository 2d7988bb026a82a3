using Liftoff.Engine;

namespace Liftoff.Components;

public interface IRollback : ILiftoffBuild
{
    Target Rollback => _ => _
        .Description("Moves a project back to its previous successful release")
        .Executes(() => NotBuiltYet.Fail(nameof(Rollback)));
}
