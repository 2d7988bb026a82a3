using Liftoff.Configuration;
using Liftoff.Engine;
using Liftoff.Packaging;

namespace Liftoff.Components;

public interface IPackage : ICompile, IHazForce
{
    Target Package => _ => _
        .Description("Builds deterministic, verified Lambda artifacts and front-end asset manifests")
        .DependsOn(Compile)
        .Executes(async ct =>
        {
            if (!File.Exists(Path.Combine(RootDirectory, ConfigurationLoader.EnvironmentsFileName))) return; // no projects here
            var settings = PackagingSettings.FromEnvironment();
            await new PackageRun(RootDirectory, settings, new HandlerVerifier())
                .RunAsync(PackageInputs.From(Configuration, Project), Force, Console, ct);
        });
}
