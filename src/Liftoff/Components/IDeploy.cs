using Liftoff.Deploying;
using Liftoff.Engine;
using Liftoff.Packaging;
using Liftoff.Releases;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Deploy --env X</c>: every selected project's stack, code and front end, projects in parallel,
/// each recorded in the release ledger. Safe by default: approval where the environment asks for it, a
/// dry run that changes nothing, and one deploy at a time per project and environment. Reads
/// artifacts/manifest.json (what Upload stored), the environment and projects' configuration, and the
/// release ledger (what is live).
/// </summary>
public interface IDeploy : IUpload, ISmokeTest, IHazForce
{
    [Parameter("Deploy: execute change sets in environments that need approval without asking")]
    bool Approve => TryGetValue(() => Approve);

    [Parameter("Deploy: show the change sets and the planned rollout, then delete the change sets; nothing changes")]
    bool DryRun => TryGetValue(() => DryRun);

    [Parameter("Deploy: remove a stale deployment lock of the selected projects first (a crashed run's lock also expires by itself)")]
    bool ForceUnlock => TryGetValue(() => ForceUnlock);

    /// <summary>True, or a ConfigurationException naming each unset variable; an absent --env is Requires(() =&gt; Env)'s to report.</summary>
    bool StackParametersFromEnvironmentAreSet => Env is null || DeployEnvironments.Count >= 0;

    Target Deploy => _ => _
        .Description("Deploys the stacks, rolls the code out and publishes the front ends")
        .DependsOn(Upload)
        .Triggers(SmokeTest)
        .Requires(() => Env)
        // Before anything runs: a stack parameter whose variable is unset stops the run here, not after Upload.
        .Requires(() => StackParametersFromEnvironmentAreSet)
        .Executes(async ct =>
        {
            var run = new DeployRun(AwsClientsFor, Console, ReleaseActor.For(Host), await GitRevision.ReadAsync(RootDirectory, ct), RootDirectory);
            await run.RunAsync(DeployEnvironments, await ArtifactManifest.LoadAsync(RootDirectory, ct),
                new DeployOptions(DryRun, Force, ForceUnlock), ApprovalGate.ForHost(Console, Approve, Host.IsCi), ct);
        });
}
