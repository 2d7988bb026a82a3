using Liftoff.Deploying;
using Liftoff.Deploying.RollingBack;
using Liftoff.Engine;
using Liftoff.Releases;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Rollback --env X --project Y [--to release-id]</c>: puts the release before the live one (or the one
/// --to names) back, as the ledger recorded it: each function's alias live on its recorded version, the stack on its
/// template and parameters where they differ, the front end's files from the copies Upload kept, the CDN invalidated
/// for exactly those paths; recorded as a release of kind rollback. Deploy's approval rules and lock apply;
/// --dry-run shows what would change and changes nothing.
/// </summary>
public interface IRollback : IHazAws, ILocalAws, IHazApproval, IHazDryRun, IHazCdnWait
{
    [Parameter("Rollback: the release to return to, an id from Releases (default: the release before the live one)")]
    string? To => TryGetValue(() => To);

    [Parameter("Rollback: why, recorded in the ledger (default: who asked for it)")]
    string? Reason => TryGetValue(() => Reason);

    Target Rollback => _ => _
        .Description("Moves a project back to its previous successful release (or the one --to names)")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Requires(() => Project)
        .Executes(async ct =>
        {
            var actor = ReleaseActor.For(Host);
            var options = new RollbackOptions(ApprovalGate.ForHost(Console, Approve, Host.IsCi)) { DryRun = DryRun, Cdn = CdnOptions };
            await new RollbackRun(AwsClientsFor, Console, actor)
                .RunAsync(ProjectEnvironments, RollbackTarget.Parse(To), Reason ?? $"asked for by {actor.Display}", options, ct);
        });
}
