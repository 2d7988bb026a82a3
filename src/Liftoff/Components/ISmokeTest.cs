using Liftoff.Engine;

namespace Liftoff.Components;

public interface ISmokeTest : IInvalidateCdn
{
    Target SmokeTest => _ => _
        .Description("Checks the deployed release with the project's smoke checks")
        .Triggers(InvalidateCdn)
        .Executes(() => NotBuiltYet.FailOrWarn(this, nameof(SmokeTest)));
}
