using Liftoff.Uploading;
using Liftoff.Engine;
using Liftoff.Packaging;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Upload --env X [--project Y]</c>: creates the environment's artifact bucket when missing
/// (versioned, encrypted, private, with a lifecycle rule) and uploads each packaged function once, under its
/// content-addressed key. Reads artifacts/manifest.json and the environment in environments.yaml.
/// </summary>
public interface IUpload : IPackage, IHazAws, ILocalAws
{
    /// <summary>What this run's Upload sent or saw in each bucket, which Deploy then need not ask S3 for again.</summary>
    UploadedThisRun UploadedThisRun => Cached(() => new UploadedThisRun());

    Target Upload => _ => _
        .Description("Uploads artifacts, content-addressed, to the environment's artifact bucket (created when missing)")
        .DependsOn(Package)
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Executes(async ct =>
        {
            var manifest = await ArtifactManifest.LoadAsync(RootDirectory, ct);
            var projects = ProjectEnvironments
                .Select(p => ProjectUpload.From(p, manifest, RootDirectory, AwsClientsFor(p).S3)).ToList();
            foreach (var result in await new UploadRun { RecordDirectory = RootDirectory, ThisRun = UploadedThisRun }.RunAsync(projects, ct))
                Console.Write(UploadTable.Render(result));
        });
}
