using Liftoff.Engine;

namespace Liftoff.Components;

public interface ISmokeTest : IInvalidateCdn
{
    Target SmokeTest => _ => _
        .Description("Checks the deployed release with the project's smoke checks")
        .Triggers(InvalidateCdn)
        .OnlyWhenDynamic(() => NotBuiltYet.RunOnlyWhenInvoked(this, nameof(SmokeTest)))
        .Executes(() => NotBuiltYet.Fail(nameof(SmokeTest)));
}
