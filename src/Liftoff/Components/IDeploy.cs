using Liftoff.Ci.GitHub;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Stacks;
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
public interface IDeploy : IUpload, ISmokeTest, IHazForce, IHazGitHub, IHazApproval, IHazDryRun
{
    [Parameter("Deploy: take the deployment lock over from a run known to be dead (a killed job); a live run it is taken from stops at its next step")]
    bool ForceUnlock => TryGetValue(() => ForceUnlock);

    [Parameter("Deploy: wait this long (90s, 15m, 1h) for another run's deployment lock instead of failing at once; CI waits")]
    TimeSpan? WaitForLock => TryGetValue(() => WaitForLock);

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
            var projects = DeployEnvironments;
            // CodeBuild behind CodePipeline has no .git: the commit is the one the CI service names.
            var git = await GitRevision.ReadAsync(RootDirectory, ct) ?? GitRevision.FromCi(Host.Commit);
            var run = new DeployRun(AwsClientsFor, Console, ReleaseActor.For(Host), git, RootDirectory,
                pause: DeployPause.FromEnvironment(EnvironmentInfo.GetVariable)) { UploadedThisRun = UploadedThisRun };
            var manifest = await ArtifactManifest.LoadAsync(RootDirectory, ct);
            var report = new GitHubDeployReport(GitHub is { Sha: null } github ? github with { Sha = git?.Commit } : GitHub,
                Console, Host.Kind == BuildHostKind.GitHubActions, ApiUrlAsync);
            var results = await report.RunAsync(projects, "deploy", DryRun, () => run.RunAsync(projects, manifest,
                new DeployOptions(DryRun, Force, ForceUnlock, WaitForLock ?? TimeSpan.Zero), ApprovalGate.ForHost(Console, Approve, Host.IsCi), ct), ct);
            // What SmokeTest, triggered next, checks: the releases this run made (not dry runs, not up-to-date projects).
            DeployedProjects.AddRange(results.Where(r => r.Outcome == ProjectDeployOutcome.Deployed).Select(r => r.Project));
            // What InvalidateCdn, triggered after SmokeTest, need not read again: the live release of each project left as it was.
            foreach (var r in results.Where(r => r is { Outcome: ProjectDeployOutcome.UpToDate, Release: not null }))
                ReleasesLeftLive[r.Project] = r.Release!;
        });
}
