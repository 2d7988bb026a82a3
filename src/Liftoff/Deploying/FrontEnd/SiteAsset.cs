using System.Text;
using Liftoff.Aws.Storage;
using Liftoff.Packaging;
using Liftoff.Releases;

namespace Liftoff.Deploying.FrontEnd;

/// <summary>
/// One file of a built front end, as the asset manifest describes it: its path in the site (the S3 key,
/// forward slashes, no leading slash), content hash, size, headers, and where it lies on disk (none for a file
/// of an earlier release, which Rollback copies from what Upload kept).
/// </summary>
public sealed record SiteAsset(string Path, string Sha256Hex, long Size, string ContentType, string CacheControl, string? LocalFile = null)
{
    public bool IsHtml => ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every file of a project's asset manifest (artifacts/manifest.json), located under the repository root.</summary>
    public static IReadOnlyList<SiteAsset> From(AssetManifest manifest, string rootDirectory) =>
        manifest.Assets
            .Select(a => new SiteAsset(a.Path, a.Sha256Hex, a.Size, a.ContentType, a.CacheControl, manifest.LocalFileOf(a, rootDirectory)))
            .ToList();

    /// <summary>A file as a release recorded it, with no file on disk.</summary>
    public static SiteAsset From(ReleaseAsset recorded) =>
        new(recorded.Path, recorded.Sha256Hex, recorded.Size, recorded.ContentType, recorded.CacheControl);

    public ReleaseAsset ToReleaseAsset() => new(Path, Sha256Hex, Size, ContentType, CacheControl);

    /// <summary>The manifest as the ledger keeps it, with a hash over every file's path, content and headers.</summary>
    public static ReleaseAssets ToReleaseAssets(IReadOnlyList<SiteAsset> assets)
    {
        var files = assets.OrderBy(a => a.Path, StringComparer.Ordinal).Select(a => a.ToReleaseAsset()).ToList();
        var canonical = new StringBuilder();
        foreach (var f in files)
            canonical.Append(f.Path).Append('\t').Append(f.Sha256Hex).Append('\t').Append(f.Size).Append('\t')
                .Append(f.ContentType).Append('\t').Append(f.CacheControl).Append('\n');
        return new ReleaseAssets(ContentHash.Hex(ContentHash.Of(Encoding.UTF8.GetBytes(canonical.ToString()))), files);
    }
}
