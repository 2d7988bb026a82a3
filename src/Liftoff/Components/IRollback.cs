using Liftoff.Ci.GitHub;
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
public interface IRollback : IHazAws, ILocalAws, IHazApproval, IHazDryRun, IHazCdnWait, IHazGitHub
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
            var (projects, actor) = (ProjectEnvironments, ReleaseActor.For(Host));
            var options = new RollbackOptions(ApprovalGate.ForHost(Console, Approve, Host.IsCi)) { DryRun = DryRun, Cdn = CdnOptions };
            var run = new RollbackRun(AwsClientsFor, Console, actor);
            // Reported to GitHub as Deploy is: a deployment per project, with how it ended.
            await new GitHubDeployReport(GitHub, Console, Host.Kind == BuildHostKind.GitHubActions, ApiUrlAsync)
                .RunAsync(projects, "rollback", DryRun, async () =>
                    (await run.RunAsync(projects, RollbackTarget.Parse(To), Reason ?? $"asked for by {actor.Display}", options, ct))
                    .Select(r => r.ToDeployResult()).ToList(), ct);
        });
}
