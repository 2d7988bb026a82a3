using Liftoff.Deploying;
using Liftoff.Engine;
using Liftoff.Packaging;
using Liftoff.Releases;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Deploy --env X</c>: every selected project's stack, code and front end, projects in parallel,
/// each recorded in the release ledger. Safe by default: approval where the environment asks for it, a
/// dry run that changes nothing, and one deploy at a time per project and environment. Reads
/// artifacts/manifest.json (what Upload stored), the environment and projects' configuration, the
/// release ledger (what is live) and, cheaply, what AWS really serves.
/// </summary>
public interface IDeploy : IUpload, ISmokeTest, IHazForce
{
    [Parameter("Deploy: execute change sets in environments that need approval without asking")]
    bool Approve => TryGetValue(() => Approve);

    [Parameter("Deploy: show the change sets and the planned rollout, then delete the change sets; nothing changes")]
    bool DryRun => TryGetValue(() => DryRun);

    [Parameter("Deploy: take the deployment lock over from a run known to be dead (a killed job); a live run it is taken from stops at its next step")]
    bool ForceUnlock => TryGetValue(() => ForceUnlock);

    [Parameter("Deploy: wait this long (90s, 15m, 1h) for another run's deployment lock instead of failing at once; CI waits")]
    TimeSpan? WaitForLock => TryGetValue(() => WaitForLock);

    Target Deploy => _ => _
        .Description("Deploys the stacks, rolls the code out and publishes the front ends")
        .DependsOn(Upload)
        .Triggers(SmokeTest)
        .Requires(() => Env)
        .Executes(async ct =>
        {
            var run = new DeployRun(AwsClientsFor, Console, ReleaseActor.For(Host), await GitRevision.ReadAsync(RootDirectory, ct), RootDirectory,
                pause: DeployPause.FromEnvironment(EnvironmentInfo.GetVariable));
            await run.RunAsync(ProjectEnvironments, await ArtifactManifest.LoadAsync(RootDirectory, ct),
                new DeployOptions(DryRun, Force, ForceUnlock, WaitForLock ?? TimeSpan.Zero), ApprovalGate.ForHost(Console, Approve, Host.IsCi), ct);
        });
}
