using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;

namespace Liftoff.Uploading;

/// <summary>
/// What Rollback needs to put an old release back, kept in the artifact bucket by content hash: every template as
/// CloudFormation got it (Deploy keeps it) and every front-end file (Upload keeps them):
/// <c>kept/templates/{project}/{sha256}.yaml</c>, <c>kept/site/{project}/{sha256}</c>. They never expire, like the
/// artifacts, because release records name them; equal content is stored once, so keeping them costs a HEAD or a
/// listing and the content no earlier release had.
/// </summary>
public sealed class RollbackCopies(IAmazonS3 s3, string bucket, int maxParallelUploads = 16)
{
    public static string TemplateKey(string project, string sha256Hex) => $"kept/templates/{project}/{sha256Hex}.yaml";

    public static string SiteFileKey(string project, string sha256Hex) => $"kept/site/{project}/{sha256Hex}";

    private static string SiteFilePrefix(string project) => $"kept/site/{project}/";

    /// <summary>Keeps the template's text; true when it was sent, false when the same text was already kept.</summary>
    public async Task<bool> KeepTemplateAsync(string project, string templateBody, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(templateBody);
        var sha256Hex = ContentHash.Hex(ContentHash.Of(bytes));
        var key = TemplateKey(project, sha256Hex);
        if (await s3.HeadOrNullAsync(bucket, key, cancellationToken) is not null) return false;
        await s3.PutByHashAsync(bucket, key, sha256Hex, "application/x-yaml", cancellationToken, content: bytes);
        return true;
    }

    /// <summary>The kept template with this hash, or null when none was kept (records from before templates were kept).</summary>
    public Task<string?> ReadTemplateAsync(string project, string sha256Hex, CancellationToken cancellationToken) =>
        s3.ReadTextOrNullAsync(bucket, TemplateKey(project, sha256Hex), cancellationToken);

    /// <summary>Keeps each file whose content is not kept yet; returns how many were sent and how many were there.</summary>
    public async Task<(int Sent, int AlreadyKept)> KeepSiteFilesAsync(
        string project, IReadOnlyList<SiteFileToKeep> files, CancellationToken cancellationToken)
    {
        var kept = await KeptSiteFilesAsync(project, cancellationToken);
        var missing = files.Where(f => !kept.Contains(f.Sha256Hex)).DistinctBy(f => f.Sha256Hex).ToList();
        await Parallel.ForEachAsync(missing,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelUploads, CancellationToken = cancellationToken },
            async (file, ct) => await KeepAsync(project, file, ct));
        return (missing.Count, files.Count - missing.Count);
    }

    /// <summary>The content hashes of the project's kept front-end files.</summary>
    public async Task<IReadOnlySet<string>> KeptSiteFilesAsync(string project, CancellationToken cancellationToken)
    {
        var prefix = SiteFilePrefix(project);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? []) hashes.Add(o.Key[prefix.Length..]);
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (request.ContinuationToken is not null);
        return hashes;
    }

    private async Task KeepAsync(string project, SiteFileToKeep file, CancellationToken cancellationToken)
    {
        await ContentHash.VerifyBuiltFileAsync(file.LocalFile, file.Sha256Hex, cancellationToken);
        await s3.PutByHashAsync(bucket, SiteFileKey(project, file.Sha256Hex), file.Sha256Hex, "application/octet-stream",
            cancellationToken, file: file.LocalFile);
    }
}

/// <summary>One built front-end file to keep: its content hash and where it lies on disk.</summary>
public sealed record SiteFileToKeep(string Sha256Hex, string LocalFile);
