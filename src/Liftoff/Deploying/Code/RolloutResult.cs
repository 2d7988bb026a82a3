namespace Liftoff.Deploying.Code;

/// <summary>The outcome of a rollout: the version each function's alias is meant to serve.</summary>
public sealed record RolloutResult(IReadOnlyList<FunctionRolloutResult> Functions)
{
    /// <summary>Function name → version published (and now live, unless rolled back).</summary>
    public IReadOnlyDictionary<string, string> PublishedVersions =>
        Functions.ToDictionary(f => f.FunctionName, f => f.Version, StringComparer.Ordinal);
}
