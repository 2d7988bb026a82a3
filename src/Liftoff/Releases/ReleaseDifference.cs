namespace Liftoff.Releases;

/// <summary>
/// What a planned release would change compared with what is live: the no-op fast path deploys nothing
/// when the list is empty, and otherwise can say why it deploys ("api: new code", "template").
/// </summary>
public static class ReleaseDifference
{
    public static IReadOnlyList<string> Between(Release? live, Release planned)
    {
        if (live is null) return ["first release"];
        var changes = new List<string>();

        var liveArtifacts = live.Artifacts.ToDictionary(a => a.Function, a => a.Sha256Hex, StringComparer.Ordinal);
        var plannedArtifacts = planned.Artifacts.ToDictionary(a => a.Function, a => a.Sha256Hex, StringComparer.Ordinal);
        foreach (var (function, sha) in plannedArtifacts.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (!liveArtifacts.TryGetValue(function, out var liveSha)) changes.Add($"{function}: new function");
            else if (!string.Equals(liveSha, sha, StringComparison.OrdinalIgnoreCase)) changes.Add($"{function}: new code");
        foreach (var function in liveArtifacts.Keys.Except(plannedArtifacts.Keys).Order(StringComparer.Ordinal))
            changes.Add($"{function}: removed");

        if (live.TemplateSha256 != planned.TemplateSha256) changes.Add("template");

        foreach (var name in live.StackParameters.Keys.Union(planned.StackParameters.Keys).Order(StringComparer.Ordinal))
            if (live.StackParameters.GetValueOrDefault(name) != planned.StackParameters.GetValueOrDefault(name))
                changes.Add($"parameter {name}");

        if (live.Assets?.ManifestSha256 != planned.Assets?.ManifestSha256) changes.Add("front-end files");
        return changes;
    }
}
