using Liftoff.Deploying;
using Liftoff.Deploying.Locking;
using Liftoff.Aws.Requests;
using Liftoff.Engine;
using Liftoff.Packaging;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Deploy --env X</c>: every selected project's stack, code and front end, projects in parallel,
/// each recorded in the release ledger. Safe by default: approval where the environment asks for it, a
/// dry run that changes nothing, and one deploy at a time per project and environment.
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
            var projects = DeployEnvironments;
            if (ForceUnlock)
                foreach (var project in projects)
                {
                    var holder = await new DeploymentLock(AwsClientsFor(project).S3, project.ArtifactBucket)
                        .ForceUnlockAsync(project.Project, project.Environment, ct);
                    Console.MarkupLine(holder is null
                        ? $"{Markup.Escape(project.Project)}: no deployment lock was held"
                        : $"[yellow]{Markup.Escape(project.Project)}: removed the deployment lock held by {Markup.Escape(holder.Describe())}[/]");
                }

            using var gates = RequestBudgets.Create();
            var run = new DeployRun(AwsClientsFor, gates, Console, ReleaseActor.For(Host),
                await GitRevision.ReadAsync(RootDirectory, ct), RootDirectory);
            await run.RunAsync(projects, await ArtifactManifest.LoadAsync(RootDirectory, ct),
                new DeployOptions(DryRun, Force), ApprovalGate.ForHost(Console, Approve, Host.IsCi), ct);
        });
}
