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

    /// <summary>
    /// Stores content under a key that names its hash: S3 checks the SHA-256 on arrival, and the hash is kept as
    /// x-amz-meta-sha256 so that "already there" is one HEAD.
    /// </summary>
    public static async Task PutByHashAsync(
        this IAmazonS3 s3, string bucket, string key, string sha256Hex, string contentType, CancellationToken cancellationToken,
        byte[]? content = null, string? file = null, string? cacheControl = null)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ContentType = contentType,
            ChecksumSHA256 = ContentHash.Base64FromHex(sha256Hex),
            // Small objects: signing the payload whole costs nothing, where the streaming (aws-chunked) signature
            // makes the server decode every body in chunks; moto spends most of a PUT doing that.
            UseChunkEncoding = false,
        };
        if (content is not null) request.InputStream = new MemoryStream(content);
        else request.FilePath = file ?? throw new ArgumentException("Give the content or the file to store.");
        if (cacheControl is not null) request.Headers.CacheControl = cacheControl;
        request.Metadata[Sha256Metadata] = sha256Hex;
        await s3.PutObjectAsync(request, cancellationToken);
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
