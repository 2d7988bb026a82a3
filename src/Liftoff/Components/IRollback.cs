using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Rollback --env X --project Y</c>: moves a project back to its previous successful release,
/// as the release ledger records it (artifacts, template, parameters, versions). Not built yet: fails when named.
/// </summary>
public interface IRollback : ILiftoffBuild
{
    Target Rollback => _ => _
        .Description("Moves a project back to its previous successful release")
        .Executes(() => NotBuiltYet.Fail(nameof(Rollback)));
}
