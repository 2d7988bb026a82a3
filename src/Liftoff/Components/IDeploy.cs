using Liftoff.Engine;

namespace Liftoff.Components;

public interface IDeploy : IUpload, ISmokeTest
{
    Target Deploy => _ => _
        .Description("Deploys the stacks, rolls the code out and publishes the front ends")
        .DependsOn(Upload).Triggers(SmokeTest)
        .Executes(() => NotBuiltYet.Fail(nameof(Deploy)));
}
