using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;
using Liftoff.Releases;

namespace Liftoff.Deploying.FrontEnd;

/// <summary>
/// Publishes a front end's asset manifest to its site bucket: sends only new or changed files (the content
/// hash and headers decide), HTML last so no page goes live before the files it references, then deletes
/// every object the manifest no longer lists. The site bucket belongs to the site: like
/// <c>aws s3 sync --delete</c>, what is not in the manifest goes.
/// </summary>
public sealed class FrontEndPublisher(IAmazonS3 s3, int maxParallelUploads = 16)
{
    private const int DeleteBatch = 1000; // DeleteObjects' limit per request

    /// <param name="previous">The asset list of the last successful release, if any: files it lists with the
    /// same hash and headers, still in the bucket at the same size, are trusted without a HEAD.</param>
    public async Task<FrontEndPublishResult> PublishAsync(
        string siteBucket, IReadOnlyList<SiteAsset> assets, ReleaseAssets? previous, CancellationToken cancellationToken)
    {
        CheckPaths(assets);
        var stored = await ListAsync(siteBucket, cancellationToken);
        var known = previous?.Files.ToDictionary(f => f.Path, StringComparer.Ordinal) ?? [];

        var decisions = new bool[assets.Count];
        await ForEachAsync(Enumerable.Range(0, assets.Count), async (i, ct) =>
            decisions[i] = await NeedsUploadAsync(siteBucket, assets[i], stored, known, ct), cancellationToken);
        var toSend = assets.Where((_, i) => decisions[i]).ToList();

        // Everything else first, pages last: a visitor never gets HTML that points at files not there yet.
        await ForEachAsync(toSend.Where(a => !a.IsHtml), (a, ct) => UploadAsync(siteBucket, a, ct), cancellationToken);
        await ForEachAsync(toSend.Where(a => a.IsHtml), (a, ct) => UploadAsync(siteBucket, a, ct), cancellationToken);

        var wanted = assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        var deleted = stored.Keys.Where(k => !wanted.Contains(k)).Order(StringComparer.Ordinal).ToList();
        await DeleteAsync(siteBucket, deleted, cancellationToken);

        return new FrontEndPublishResult(
            siteBucket,
            toSend.Select(a => a.Path).Order(StringComparer.Ordinal).ToList(),
            deleted,
            assets.Count - toSend.Count,
            toSend.Sum(a => a.Size),
            SiteAsset.ToReleaseAssets(assets));
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

    private async Task UploadAsync(string bucket, SiteAsset asset, CancellationToken cancellationToken)
    {
        var actual = ContentHash.Hex(await ContentHash.OfFileAsync(asset.LocalFile, cancellationToken));
        if (!string.Equals(actual, asset.Sha256Hex, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"{asset.LocalFile} changed after its asset manifest was made (sha256 {actual}, manifest says {asset.Sha256Hex}). " +
                "Run `./build.sh Package` again, then deploy.");

        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = asset.Path,
            FilePath = asset.LocalFile,
            ContentType = asset.ContentType,
            ChecksumSHA256 = ContentHash.Base64FromHex(asset.Sha256Hex),
            // Site files are small: signing the payload whole costs nothing, where the streaming (aws-chunked)
            // signature makes the server decode every body in chunks; moto spends most of a PUT doing that.
            UseChunkEncoding = false,
        };
        request.Headers.CacheControl = asset.CacheControl;
        request.Metadata[S3ObjectExtensions.Sha256Metadata] = asset.Sha256Hex;
        await s3.PutObjectAsync(request, cancellationToken);
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
