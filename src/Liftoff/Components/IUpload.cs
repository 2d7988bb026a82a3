using Liftoff.Deploying.Upload;
using Liftoff.Engine;
using Liftoff.Packaging;

namespace Liftoff.Components;

public interface IUpload : IPackage, IHazAws, ILocalAws
{
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
            foreach (var result in await new UploadRun().RunAsync(projects, ct))
                Console.Write(UploadTable.Render(result));
        });
}
