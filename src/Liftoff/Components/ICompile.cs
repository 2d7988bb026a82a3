using Liftoff.Building;
using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Compile [--project X]</c>: builds every selected function into its staging folder
/// (.nuke/temp/staging/{project}/{function}) and each front end, then lints every template with cfn-lint.
/// Reads projects/*/project.yaml and the templates; needs no --env, since one build serves every environment.
/// </summary>
public interface ICompile : IHazEnvironment
{
    Target Compile => _ => _
        // The .NET solution is built by Test, which is the only stage that uses it: a deploy needs the
        // serverless projects built, not Liftoff's own test projects.
        .Description("Builds the selected projects (--project) and lints their templates")
        .Executes(async ct =>
        {
            if (!HasProjects) return;
            // --force (Package's, Deploy's) builds everything again, as it packages and deploys everything again.
            await new CompileRun(RootDirectory, Console, Host.IsCi, force: this is IHazForce { Force: true }).RunAsync(ProjectBuilds, ct);
        });
}
