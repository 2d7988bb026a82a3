using System.Text;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;

namespace Liftoff.Uploading;

/// <summary>
/// Passes a template inline when CloudFormation allows it, and through the artifact bucket
/// (<c>templates/{project}/{sha256}.yaml</c>) when it is larger than the inline limit.
/// </summary>
public sealed class TemplateUploader(IAmazonS3 s3, string bucket, string region, string? endpointUrl)
{
    /// <summary>CloudFormation's TemplateBody limit, in bytes; larger templates must come from S3 (up to 1 MB).</summary>
    public const int InlineLimitBytes = 51_200;

    public async Task<TemplateSource> PrepareAsync(string project, string templateBody, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(templateBody);
        var sha256Hex = ContentHash.Hex(ContentHash.Of(bytes));
        if (bytes.Length <= InlineLimitBytes)
            return new TemplateSource(sha256Hex, bytes.Length, templateBody, null, null);

        var key = KeyFor(project, sha256Hex);
        var existing = await s3.HeadOrNullAsync(bucket, key, cancellationToken);
        if (existing is null || existing.Sha256Hex != sha256Hex)
        {
            var request = new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = new MemoryStream(bytes),
                ContentType = "application/x-yaml",
                ChecksumSHA256 = ContentHash.Base64FromHex(sha256Hex),
            };
            request.Metadata[S3ObjectExtensions.Sha256Metadata] = sha256Hex;
            await s3.PutObjectAsync(request, cancellationToken);
        }
        return new TemplateSource(sha256Hex, bytes.Length, null, TemplateUrl(bucket, key, region, endpointUrl), key);
    }

    /// <summary>Where a template lives in the artifact bucket: by content, under the prefix its lifecycle rule expires.</summary>
    public static string KeyFor(string project, string sha256Hex) => $"{ArtifactBucketLifecycle.TemplatePrefix}{project}/{sha256Hex}.yaml";

    /// <summary>The URL CloudFormation reads the template from, in the style of the endpoint it talks to.</summary>
    public static string TemplateUrl(string bucket, string key, string region, string? endpointUrl)
    {
        var path = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        if (endpointUrl is not null)
        {
            // A local endpoint serves buckets path-style. moto resolves a TemplateURL path-style only when it
            // contains "localhost" (otherwise it reads the first host label as the bucket), so loopback is
            // spelled that way; LocalStack accepts the same form.
            var endpoint = new UriBuilder(endpointUrl);
            if (endpoint.Host is "127.0.0.1" or "[::1]" or "::1") endpoint.Host = "localhost";
            return $"{endpoint.Uri.GetLeftPart(UriPartial.Authority)}/{bucket}/{path}";
        }

        var dnsSuffix = RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix ?? "amazonaws.com";
        // Virtual-hosted style on AWS; a dotted bucket name would not match S3's TLS certificate, so path style there.
        return bucket.Contains('.')
            ? $"https://s3.{region}.{dnsSuffix}/{bucket}/{path}"
            : $"https://{bucket}.s3.{region}.{dnsSuffix}/{path}";
    }
}
