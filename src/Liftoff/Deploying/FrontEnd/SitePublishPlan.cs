namespace Liftoff.Deploying.FrontEnd;

/// <summary>
/// What publishing an asset manifest would change in a site bucket, decided before anything changes: the files to
/// send (new, or another hash or headers; ordered by path) and the objects to delete (not in the manifest).
/// </summary>
public sealed record SitePublishPlan(
    string Bucket,
    IReadOnlyList<SiteAsset> Assets,
    IReadOnlyList<SiteAsset> ToSend,
    IReadOnlyList<string> ToDelete)
{
    public bool ChangesAnything => ToSend.Count > 0 || ToDelete.Count > 0;
}
