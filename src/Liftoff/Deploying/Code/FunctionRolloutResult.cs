namespace Liftoff.Deploying.Code;

/// <summary>What happened to one function.</summary>
public sealed record FunctionRolloutResult(
    string FunctionName,
    string Version,
    string? PreviousVersion,
    bool CodeUpdated,
    AliasMove Move);
