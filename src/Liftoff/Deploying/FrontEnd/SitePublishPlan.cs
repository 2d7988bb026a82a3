using Liftoff.Releases;

namespace Liftoff.Deploying.FrontEnd;

/// <summary>
/// What publishing an asset manifest would change in a site bucket, decided before anything changes: the files to
/// send (new, or another hash or headers; ordered by path) and the objects to delete (not in the manifest).
/// <see cref="Replaced"/>: the files of the live release whose content those sends and deletions take away, as it
/// recorded them; they are kept for Rollback (<see cref="ReplacedSiteFiles"/>) before anything changes.
/// </summary>
public sealed record SitePublishPlan(
    string Bucket,
    IReadOnlyList<SiteAsset> Assets,
    IReadOnlyList<SiteAsset> ToSend,
    IReadOnlyList<string> ToDelete,
    IReadOnlyList<ReleaseAsset> Replaced)
{
    public bool ChangesAnything => ToSend.Count > 0 || ToDelete.Count > 0;
}
