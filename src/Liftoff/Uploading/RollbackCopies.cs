using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;

namespace Liftoff.Uploading;

/// <summary>
/// What Rollback needs to put an old release back, kept in the artifact bucket by content hash: every template as
/// CloudFormation got it (Deploy keeps it) and every front-end file a release replaced or deleted (Deploy and Rollback
/// copy it from the site bucket, inside S3, just before they overwrite or delete it: <c>Deploying/FrontEnd/ReplacedSiteFiles</c>):
/// <c>kept/templates/{project}/{sha256}.yaml</c>, <c>kept/site/{project}/{sha256}</c>. They never expire, like the
/// artifacts, because release records name them; equal content is stored once. A file no later release touched is
/// not kept: it is still in the site bucket.
/// </summary>
public sealed class RollbackCopies(IAmazonS3 s3, string bucket)
{
    public static string TemplateKey(string project, string sha256Hex) => $"kept/templates/{project}/{sha256Hex}.yaml";

    public static string SiteFileKey(string project, string sha256Hex) => $"kept/site/{project}/{sha256Hex}";

    private static string SiteFilePrefix(string project) => $"kept/site/{project}/";

    // A listing page holds 1,000 keys; past this many files, listing the kept copies is the cheaper question.
    private const int HeadsBeforeListing = 50;

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

    /// <summary>
    /// Which of <paramref name="sha256Hexes"/> the project has kept: a HEAD each for a few (a small change need not
    /// list every copy the project's history kept), one listing of them all for more.
    /// </summary>
    public async Task<IReadOnlySet<string>> KeptSiteFilesAmongAsync(
        string project, IReadOnlyList<string> sha256Hexes, CancellationToken cancellationToken)
    {
        if (sha256Hexes.Count > HeadsBeforeListing) return await KeptSiteFilesAsync(project, cancellationToken);
        var found = new bool[sha256Hexes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sha256Hexes.Count), cancellationToken, async (i, ct) =>
            found[i] = await s3.HeadOrNullAsync(bucket, SiteFileKey(project, sha256Hexes[i]), ct) is not null);
        return sha256Hexes.Where((_, i) => found[i]).ToHashSet(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>
    /// Copies a live site object into <see cref="SiteFileKey"/> inside S3 (no bytes through this machine), only while it is
    /// still the version with <paramref name="eTag"/>, and asks S3 for the copy's SHA-256. Returns that checksum (base64),
    /// null when S3 gave none, or throws <see cref="AmazonS3Exception"/> 412 when the object changed since it was read.
    /// </summary>
    public async Task<string?> CopySiteFileAsync(
        string project, string sha256Hex, string siteBucket, string path, string eTag, CancellationToken cancellationToken)
    {
        var request = new CopyObjectRequest
        {
            SourceBucket = siteBucket,
            SourceKey = path,
            DestinationBucket = bucket,
            DestinationKey = SiteFileKey(project, sha256Hex),
            // AWS refuses the copy (412) when the source is no longer this version; moto ignores the condition, so the
            // caller also compares the checksum the copy answers with.
            ETagToMatch = eTag,
            // AWS copies the source's SHA-256 when it has one (checked by S3 when it was written) and computes it
            // otherwise; moto computes it from the copied bytes.
            ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
            // REPLACE: the kept copy is content only, stored like any kept file; the page's headers live in the record.
            MetadataDirective = S3MetadataDirective.REPLACE,
            ContentType = "application/octet-stream",
        };
        request.Metadata[S3ObjectExtensions.Sha256Metadata] = sha256Hex;
        var response = await s3.CopyObjectAsync(request, cancellationToken);
        return string.IsNullOrEmpty(response.ChecksumSHA256) ? null : response.ChecksumSHA256;
    }
}
