using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Liftoff.Aws.Storage;

/// <summary>The few S3 idioms every storage step shares: a HEAD that answers "absent", and error classification.</summary>
internal static class S3ObjectExtensions
{
    /// <summary>Stored as x-amz-meta-sha256: the hex sha256 of the content, so "already there" is one HEAD.</summary>
    public const string Sha256Metadata = "sha256";

    public static async Task<StoredObject?> HeadOrNullAsync(
        this IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await s3.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = bucket, Key = key, ChecksumMode = ChecksumMode.ENABLED },
                cancellationToken);
            return new StoredObject(
                key,
                head.ContentLength,
                head.ETag,
                head.VersionId,
                head.LastModified ?? default,
                NullIfEmpty(head.Metadata[Sha256Metadata]),
                NullIfEmpty(head.Headers.ContentType),
                NullIfEmpty(head.Headers.CacheControl),
                NullIfEmpty(head.ChecksumSHA256));
        }
        catch (AmazonS3Exception e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The object's content as UTF-8 text, or null when there is no such object.</summary>
    public static async Task<string?> ReadTextOrNullAsync(this IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
            using var reader = new StreamReader(response.ResponseStream, System.Text.Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.IsNotFound())
        {
            return null;
        }
    }

    public static bool IsNotFound(this AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NotFound" or "NoSuchBucket";

    /// <summary>412: an If-Match / If-None-Match condition did not hold.</summary>
    public static bool IsPreconditionFailed(this AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.PreconditionFailed || e.ErrorCode == "PreconditionFailed";

    /// <summary>
    /// 409 ConditionalRequestConflict: AWS answers this when a conditional write races another write of
    /// the same key; the caller should read the key again and decide anew. moto never sends it.
    /// </summary>
    public static bool IsConditionalConflict(this AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.Conflict && e.ErrorCode == "ConditionalRequestConflict";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
