using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh SmokeTest --env X</c>: checks the deployed release with each project's smoke checks
/// (smokeChecks in project.yaml), against the release the ledger says is live. Triggered by Deploy.
/// Not built yet: skipped when only triggered, failing when named.
/// </summary>
public interface ISmokeTest : IInvalidateCdn
{
    Target SmokeTest => _ => _
        .Description("Checks the deployed release with the project's smoke checks")
        .Triggers(InvalidateCdn)
        .OnlyWhenDynamic(() => NotBuiltYet.RunOnlyWhenInvoked(this, nameof(SmokeTest)))
        .Executes(() => NotBuiltYet.Fail(nameof(SmokeTest)));
}
