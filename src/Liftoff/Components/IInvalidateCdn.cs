using Liftoff.Engine;

namespace Liftoff.Components;

public interface IInvalidateCdn : ILiftoffBuild
{
    Target InvalidateCdn => _ => _
        .Description("Invalidates the CloudFront paths the last release changed")
        .OnlyWhenDynamic(() => NotBuiltYet.RunOnlyWhenInvoked(this, nameof(InvalidateCdn)))
        .Executes(() => NotBuiltYet.Fail(nameof(InvalidateCdn)));
}
