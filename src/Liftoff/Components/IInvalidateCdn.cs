using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh InvalidateCdn --env X</c>: invalidates in CloudFront the front-end paths the last release
/// changed (the release record's changed and deleted paths; the distribution from the stack's outputs).
/// Triggered by SmokeTest. Not built yet: skipped when only triggered, failing when named.
/// </summary>
public interface IInvalidateCdn : ILiftoffBuild
{
    Target InvalidateCdn => _ => _
        .Description("Invalidates the CloudFront paths the last release changed")
        .OnlyWhenDynamic(() => NotBuiltYet.RunOnlyWhenInvoked(this, nameof(InvalidateCdn)))
        .Executes(() => NotBuiltYet.Fail(nameof(InvalidateCdn)));
}
