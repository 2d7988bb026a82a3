using Liftoff.Configuration;

namespace Liftoff.Deploying.Code;

/// <summary>The functions of one project to roll out together, how, and which CloudWatch alarms stop it.</summary>
public sealed record RolloutRequest(
    IReadOnlyList<FunctionDeployment> Functions,
    Rollout Rollout,
    IReadOnlyList<string> Alarms)
{
    public const string LiveAlias = Configuration.Model.Names.LiveAlias;

    /// <summary>The alias the pipeline owns; the template creates it once and never moves it.</summary>
    public string AliasName { get; init; } = LiveAlias;
}
