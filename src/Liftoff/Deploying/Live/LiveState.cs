namespace Liftoff.Deploying.Live;

/// <summary>
/// What AWS says is live for one project in one environment, read before the ledger is trusted: each function's
/// alias (<c>live</c>, or the template's; its version and any weighted split), the code that version runs and the code on $LATEST, and the
/// stack's status, last change and parameters.
/// </summary>
public sealed record LiveState(IReadOnlyList<LiveFunction> Functions, LiveStack Stack);

/// <summary>One function as found. Code hashes are hex SHA-256, as the ledger records artifacts.</summary>
/// <param name="Name">The function's name in project.yaml (the ledger's key).</param>
/// <param name="Weights">Versions that get a share of the alias's traffic besides <paramref name="AliasVersion"/> (0.0–1.0).</param>
/// <param name="FunctionName">Its physical name (its logical id when the stack has none for it).</param>
/// <param name="Alias">The alias that serves its traffic: <c>live</c>, or SAM's AutoPublishAlias.</param>
public sealed record LiveFunction(
    string Name,
    string FunctionName,
    string Alias,
    bool Exists,
    string? AliasVersion,
    IReadOnlyDictionary<string, double> Weights,
    string? AliasCodeSha256Hex,
    string? LatestCodeSha256Hex)
{
    /// <summary>Where the alias sends traffic, as people read it: "4", or "4 (90%) and 5 (10%)".</summary>
    public string Serving =>
        AliasVersion is null ? "no alias"
        : Weights.Count == 0 ? AliasVersion
        : $"{AliasVersion} ({(1 - Weights.Values.Sum()) * 100:0.#}%) and " +
          string.Join(" and ", Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key} ({w.Value * 100:0.#}%)"));
}

/// <summary>The stack as found; <see cref="ChangedAt"/> is LastUpdatedTime, else CreationTime.</summary>
public sealed record LiveStack(string Name, bool Exists, string? Status, DateTimeOffset? ChangedAt, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The stack's own tags (what a change set sends as Tags).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
