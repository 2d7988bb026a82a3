using Liftoff.Deploying.Stacks;
using Liftoff.Releases;

namespace Liftoff.Deploying.Live;

/// <summary>
/// What a release that stopped part way left unfinished in AWS, as lines for the console and the record's
/// <see cref="Release.LeftInFlight"/>: a stack operation still running, an alias between versions, new code on $LATEST
/// that live does not serve, a front end half published.
/// </summary>
public static class InFlight
{
    /// <summary>What <paramref name="release"/> left in flight, from what was found live after it stopped.</summary>
    /// <param name="phase">The phase it stopped in, when known (the run itself knows; a later run closing it does not).</param>
    public static IReadOnlyList<string> Describe(Release release, LiveState found, string? phase)
    {
        var lines = new List<string>();
        if (found.Stack is { Exists: true, Status: { } status } stack && StackStatuses.IsInProgress(status))
            lines.Add($"stack {stack.Name} is still {status}: CloudFormation carries on with it; let it end " +
                      $"(aws cloudformation describe-stacks --stack-name {stack.Name}) before deploying again");
        var code = release.Artifacts.ToDictionary(a => a.Function, a => a.Sha256Hex, StringComparer.Ordinal);
        foreach (var function in found.Functions.Where(f => f.Exists))
            if (Function(function, release.FunctionVersions.GetValueOrDefault(function.Name), code.GetValueOrDefault(function.Name)) is { } line)
                lines.Add(line);
        if (phase == "front end")
            lines.Add("front end: publishing stopped part way: some new files may be in the site bucket, the pages still reference the old ones");
        return lines;
    }

    private static string? Function(LiveFunction found, string? published, string? releaseCode)
    {
        var name = found.Name;
        var alias = found.Alias;
        if (found.Weights.Count > 0) return $"{name}: {alias} serves {found.Serving}, between versions";
        if (published is not null)
            return found.AliasVersion == published
                ? $"{name}: {alias} serves version {published}, which this release published"
                : $"{name}: {alias} serves {found.Serving}, not version {published}, which this release published";
        var newCodeOnLatest = releaseCode is not null && Same(found.LatestCodeSha256Hex, releaseCode) && !Same(found.AliasCodeSha256Hex, releaseCode);
        return newCodeOnLatest ? $"{name}: $LATEST holds this release's code, but {found.Alias} still serves version {found.AliasVersion} (the old code)" : null;
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
