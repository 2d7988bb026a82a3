using Liftoff.Releases;

namespace Liftoff.Deploying.Live;

/// <summary>
/// Where what AWS serves differs from what the live release recorded: each difference as a line a person can act on
/// ("api: live serves version 5, the release recorded 4"). Empty: the ledger can be trusted.
/// </summary>
public static class LiveDrift
{
    public static IReadOnlyList<string> Between(Release live, LiveState state)
    {
        var drift = new List<string>();
        var recordedCode = live.Artifacts.ToDictionary(a => a.Function, a => a.Sha256Hex, StringComparer.Ordinal);
        foreach (var function in state.Functions)
            if (live.FunctionVersions.TryGetValue(function.Name, out var version))
                drift.AddRange(OfFunction(function, version, recordedCode.GetValueOrDefault(function.Name)));
        drift.AddRange(OfStack(state.Stack, live));
        return drift;
    }

    private static IEnumerable<string> OfFunction(LiveFunction found, string recordedVersion, string? recordedCode)
    {
        var name = found.Name;
        if (!found.Exists)
        {
            yield return $"{name}: function {found.FunctionName} does not exist";
            yield break;
        }
        if (found.AliasVersion is null) yield return $"{name}: the alias {found.Alias} does not exist";
        else if (found.AliasVersion != recordedVersion || found.Weights.Count > 0)
            yield return $"{name}: {found.Alias} serves {found.Serving}, the release recorded version {recordedVersion}";
        else if (recordedCode is not null && !SameCode(found.AliasCodeSha256Hex, recordedCode))
            yield return $"{name}: version {found.AliasVersion} runs code {Short(found.AliasCodeSha256Hex)}, the release recorded {Short(recordedCode)}";
        if (recordedCode is not null && !SameCode(found.LatestCodeSha256Hex, recordedCode))
            yield return $"{name}: $LATEST holds code {Short(found.LatestCodeSha256Hex)} that is not live (the release recorded {Short(recordedCode)}; " +
                         "a deploy stopped after updating it, or someone changed it)";
    }

    private static IEnumerable<string> OfStack(LiveStack stack, Release live)
    {
        if (!stack.Exists)
        {
            yield return $"stack {stack.Name} does not exist";
            yield break;
        }
        if (live.Stack is { } recorded)
        {
            if (stack.Status != recorded.Status) yield return $"stack {stack.Name} is {stack.Status}, the release left it {recorded.Status}";
            else if (recorded.ChangedAt is { } then && stack.ChangedAt is { } now && now != then)
                yield return $"stack {stack.Name} was changed at {Utc(now)}, after the release (which left it at {Utc(then)})";
        }
        else if (stack.Status is not ("CREATE_COMPLETE" or "UPDATE_COMPLETE"))
        {
            // A record from before stacks were recorded: only the status can be judged.
            yield return $"stack {stack.Name} is {stack.Status}";
        }
        foreach (var (key, value) in live.StackParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (!RecordedParameters.IsMasked(value) && stack.Parameters.TryGetValue(key, out var found) && found != value)
                yield return $"stack parameter {key} differs from the release's";
    }

    private static bool SameCode(string? found, string recorded) => string.Equals(found, recorded, StringComparison.OrdinalIgnoreCase);

    private static string Short(string? hex) => hex is null ? "(none)" : hex[..Math.Min(12, hex.Length)];

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
