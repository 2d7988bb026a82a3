using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;
using Liftoff.Deploying.Locking;
using Liftoff.Releases;

namespace Liftoff.Deploying.FrontEnd;

/// <summary>
/// Publishes a front end's asset manifest to its site bucket: sends only new or changed files (the content
/// hash and headers decide), HTML last so no page goes live before the files it references, then deletes
/// every object the manifest no longer lists. The site bucket belongs to the site: like
/// <c>aws s3 sync --delete</c>, what is not in the manifest goes. Before the first change, what the live release had
/// at the paths it overwrites or deletes is kept for Rollback (<see cref="Keeper"/>), so each file is sent once.
/// </summary>
public sealed class FrontEndPublisher(IAmazonS3 s3, int maxParallelUploads = 16)
{
    private const int DeleteBatch = 1000; // DeleteObjects' limit per request

    /// <summary>Checked before each batch of changes to the site bucket: the files, the pages, the deletions.</summary>
    public IDeploymentFence Fence { get; init; } = DeploymentFence.None;

    /// <summary>
    /// Keeps for Rollback what the live release had where this publish overwrites or deletes, before the first change;
    /// null keeps nothing (a site no release record names).
    /// </summary>
    public ReplacedSiteFiles? Keeper { get; init; }

    /// <summary>The test hook's stop between the files and the pages (<see cref="DeployPoint.DuringFrontEnd"/>).</summary>
    public IDeployPause Pause { get; init; } = DeployPause.None;

    /// <summary>Plans, then sends the built files from disk (<see cref="LocalSiteFiles"/>) and deletes what the manifest no longer lists.</summary>
    /// <param name="previous">The asset list of the last successful release, if any (see <see cref="PlanAsync"/>).</param>
    public async Task<FrontEndPublishResult> PublishAsync(
        string siteBucket, IReadOnlyList<SiteAsset> assets, ReleaseAssets? previous, CancellationToken cancellationToken) =>
        await ApplyAsync(await PlanAsync(siteBucket, assets, previous, cancellationToken), new LocalSiteFiles(), cancellationToken);

    /// <summary>
    /// Reads the site bucket and decides, changing nothing: which files to send (new, or with another hash or
    /// headers) and which objects to delete (not in the manifest).
    /// </summary>
    /// <param name="previous">The asset list of the release that is live: files it lists with the same hash and
    /// headers, still in the bucket at the same size, are trusted without a HEAD.</param>
    public async Task<SitePublishPlan> PlanAsync(
        string siteBucket, IReadOnlyList<SiteAsset> assets, ReleaseAssets? previous, CancellationToken cancellationToken)
    {
        CheckPaths(assets);
        var stored = await ListAsync(siteBucket, cancellationToken);
        var known = previous?.Files.ToDictionary(f => f.Path, StringComparer.Ordinal) ?? [];

        var decisions = new bool[assets.Count];
        await ForEachAsync(Enumerable.Range(0, assets.Count), async (i, ct) =>
            decisions[i] = await NeedsUploadAsync(siteBucket, assets[i], stored, known, ct), cancellationToken);
        var wanted = assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        var toSend = assets.Where((_, i) => decisions[i]).OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
        var toDelete = stored.Keys.Where(k => !wanted.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new SitePublishPlan(siteBucket, assets, toSend, toDelete, Replaced(toSend, toDelete, stored, known));
    }

    /// <summary>
    /// What the live release recorded at the paths about to be overwritten or deleted: once gone from the site, a
    /// rollback to it needs a kept copy. That includes a file sent again only for its headers: a rollback to the old
    /// headers sends it too, and copies only from what was kept. An object the record does not name was never any release's.
    /// </summary>
    private static List<ReleaseAsset> Replaced(
        IEnumerable<SiteAsset> toSend, IEnumerable<string> toDelete, IReadOnlyDictionary<string, long> stored,
        IReadOnlyDictionary<string, ReleaseAsset> known) =>
        toSend.Where(a => stored.ContainsKey(a.Path) && known.ContainsKey(a.Path)).Select(a => known[a.Path])
            .Concat(toDelete.Where(known.ContainsKey).Select(path => known[path]))
            .ToList();

    /// <summary>Carries a plan out: keeps what it replaces (<see cref="Keeper"/>), sends its files from <paramref name="source"/>, pages last, then deletes.</summary>
    public async Task<FrontEndPublishResult> ApplyAsync(SitePublishPlan plan, ISiteFileSource source, CancellationToken cancellationToken)
    {
        // Kept first: a copy that fails stops the publish before anything in the site changed.
        if (Keeper is not null && plan.Replaced.Count > 0)
        {
            await Fence.EnsureHeldAsync($"keeping for Rollback the {plan.Replaced.Count} file(s) of s3://{plan.Bucket} this release replaces", cancellationToken);
            await Keeper.KeepAsync(plan.Bucket, plan.Replaced, cancellationToken);
        }
        // Everything else first, pages last: a visitor never gets HTML that points at files not there yet.
        await Fence.EnsureHeldAsync($"uploading the front end's files to s3://{plan.Bucket}", cancellationToken);
        await ForEachAsync(plan.ToSend.Where(a => !a.IsHtml), (a, ct) => source.PutAsync(s3, plan.Bucket, a, ct), cancellationToken);
        await Pause.AtAsync(DeployPoint.DuringFrontEnd, cancellationToken);
        await Fence.EnsureHeldAsync($"uploading the front end's pages to s3://{plan.Bucket}", cancellationToken);
        await ForEachAsync(plan.ToSend.Where(a => a.IsHtml), (a, ct) => source.PutAsync(s3, plan.Bucket, a, ct), cancellationToken);
        if (plan.ToDelete.Count > 0) await Fence.EnsureHeldAsync($"deleting old files from s3://{plan.Bucket}", cancellationToken);
        await DeleteAsync(plan.Bucket, plan.ToDelete, cancellationToken);

        return new FrontEndPublishResult(
            plan.Bucket,
            plan.ToSend.Select(a => a.Path).ToList(),
            plan.ToDelete,
            plan.Assets.Count - plan.ToSend.Count,
            plan.ToSend.Sum(a => a.Size),
            SiteAsset.ToReleaseAssets(plan.Assets));
    }

    private async Task<bool> NeedsUploadAsync(
        string bucket, SiteAsset asset, IReadOnlyDictionary<string, long> stored,
        IReadOnlyDictionary<string, ReleaseAsset> known, CancellationToken cancellationToken)
    {
        if (!stored.TryGetValue(asset.Path, out var storedSize)) return true;
        if (known.TryGetValue(asset.Path, out var last) && last == asset.ToReleaseAsset() && storedSize == asset.Size)
            return false;

        var head = await s3.HeadOrNullAsync(bucket, asset.Path, cancellationToken);
        return head is null
            || !string.Equals(head.Sha256Hex, asset.Sha256Hex, StringComparison.OrdinalIgnoreCase)
            || head.ContentType != asset.ContentType
            || head.CacheControl != asset.CacheControl;
    }

    private async Task DeleteAsync(string bucket, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var batch in keys.Chunk(DeleteBatch))
        {
            var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = bucket,
                Objects = batch.Select(k => new KeyVersion { Key = k }).ToList(),
                Quiet = true,
            }, cancellationToken);
            if (response.DeleteErrors is { Count: > 0 } errors)
                throw new InvalidOperationException(
                    $"Could not delete {errors.Count} old file(s) from s3://{bucket}: " +
                    string.Join("; ", errors.Take(5).Select(e => $"{e.Key}: {e.Code} {e.Message}")));
        }
    }

    private async Task<Dictionary<string, long>> ListAsync(string bucket, CancellationToken cancellationToken)
    {
        var objects = new Dictionary<string, long>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? []) objects[o.Key] = o.Size ?? 0;
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (request.ContinuationToken is not null);
        return objects;
    }

    private Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelUploads, CancellationToken = cancellationToken },
            async (item, ct) => await body(item, ct));

    private static void CheckPaths(IReadOnlyList<SiteAsset> assets)
    {
        var bad = assets.FirstOrDefault(a =>
            a.Path.Length == 0 || a.Path.StartsWith('/') || a.Path.Contains('\\') || a.Path.Split('/').Contains(".."));
        if (bad is not null)
            throw new ArgumentException(
                $"The asset path '{bad.Path}' is not a site path (relative, forward slashes, no '..'). Check the asset manifest.");
        var duplicate = assets.GroupBy(a => a.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The asset manifest lists '{duplicate.Key}' {duplicate.Count()} times.");
    }
}
