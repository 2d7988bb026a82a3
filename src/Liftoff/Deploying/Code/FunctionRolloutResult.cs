namespace Liftoff.Deploying.Code;

/// <summary>What happened to one function.</summary>
/// <param name="FunctionName">The function's physical name.</param>
public sealed record FunctionRolloutResult(
    string FunctionName,
    string Version,
    string? PreviousVersion,
    bool CodeUpdated,
    AliasMove Move)
{
    /// <summary>The function's name in project.yaml (the ledger's key); the physical name when not set.</summary>
    public string Function { get => field ?? FunctionName; init; }
}
