using Liftoff.Releases;

namespace Liftoff.Deploying.FrontEnd;

/// <summary>
/// What a publish changed in the site bucket. Paths are the manifest's (no leading slash); a CDN
/// invalidation prefixes them with "/". <see cref="Published"/> goes into the release record.
/// </summary>
public sealed record FrontEndPublishResult(
    string Bucket,
    IReadOnlyList<string> ChangedPaths,
    IReadOnlyList<string> DeletedPaths,
    int UnchangedCount,
    long BytesSent,
    ReleaseAssets Published)
{
    public bool ChangedAnything => ChangedPaths.Count > 0 || DeletedPaths.Count > 0;
}
