using Liftoff.Engine;
using Liftoff.Packaging;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Package [--project X] [--force]</c>: turns what Compile staged into deterministic ZIPs in
/// artifacts/, each loaded in its runtime before it counts, plus the front ends' asset manifests, all recorded
/// in artifacts/manifest.json; unchanged inputs are "up to date". Reads the staging folders and project.yaml.
/// </summary>
public interface IPackage : ICompile, IHazForce
{
    Target Package => _ => _
        .Description("Builds deterministic, verified Lambda artifacts and front-end asset manifests")
        .DependsOn(Compile)
        .Executes(async ct =>
        {
            if (!HasProjects) return;
            var settings = PackagingSettings.FromEnvironment();
            await new PackageRun(RootDirectory, settings, new HandlerVerifier())
                .RunAsync(PackageInputs.From(Configuration, Project), Force, Console, ct);
        });
}
