using Liftoff.Engine;

namespace Liftoff.Components;

public interface IUpload : IPackage
{
    Target Upload => _ => _
        .Description("Uploads artifacts, content-addressed, to the environment's artifact bucket")
        .DependsOn(Package)
        .Executes(() => NotBuiltYet.Fail(nameof(Upload)));
}
