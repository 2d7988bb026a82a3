using Liftoff.Engine;
using Liftoff.SmokeTesting;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh SmokeTest --env X [--project Y]</c>: runs each project's smokeChecks (project.yaml) against the
/// release the ledger says is live: http checks to the API (routed to the function on this machine for a local AWS,
/// the API's URL from the stack outputs on AWS), invoke checks to the function. A table per project; the results go
/// into the release record. A fresh release that fails is rolled back (rollbackOnFailure, default true) and the run
/// fails. Triggered by Deploy, it checks the projects that Deploy released in that run.
/// </summary>
public interface ISmokeTest : IInvalidateCdn, IHazAws, ILocalAws, IHazLambdaRuntimes
{
    /// <summary>The projects the Deploy of this run released; a triggered SmokeTest checks only these.</summary>
    List<string> DeployedProjects => Cached(() => new List<string>());

    /// <summary>How a failed release goes back: Rollback's service, once it is wired in here.</summary>
    IReleaseRestorer ReleaseRestorer => Cached<IReleaseRestorer>(() => new RollbackNotAvailable());

    Target SmokeTest => _ => _
        .Description("Checks the live release of each project with its smokeChecks; a fresh release that fails is rolled back")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Triggers(InvalidateCdn)
        .Requires(() => Env)
        .Executes(async ct =>
        {
            var named = InvokedTargets.Any(t => t.Name == nameof(SmokeTest));
            var projects = named ? ProjectEnvironments : ProjectEnvironments.Where(p => DeployedProjects.Contains(p.Project)).ToList();
            if (projects.Count == 0)
            {
                Console.MarkupLine("[grey]SmokeTest: Deploy released nothing new in this run, so there is nothing new to check.[/]");
                return;
            }
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            await new SmokeTestRun(p => new ProjectSmokeTest(AwsClientsFor(p), LambdaRuntimes, ReleaseRestorer, http), Console)
                .RunAsync(projects, ct);
        });
}
