using Liftoff.Engine;

namespace Liftoff.Components;

public interface IInvalidateCdn : ILiftoffBuild
{
    Target InvalidateCdn => _ => _
        .Description("Invalidates the CloudFront paths the last release changed")
        .Executes(() => NotBuiltYet.FailOrWarn(this, nameof(InvalidateCdn)));
}
