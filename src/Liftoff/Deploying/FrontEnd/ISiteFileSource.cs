using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;
using Liftoff.Uploading;

namespace Liftoff.Deploying.FrontEnd;

/// <summary>Where a published file's content comes from: the build on disk (Deploy) or the copy kept for Rollback.</summary>
public interface ISiteFileSource
{
    /// <summary>Writes <paramref name="asset"/> to the site bucket under its path, with its content type and cache headers.</summary>
    Task PutAsync(IAmazonS3 s3, string siteBucket, SiteAsset asset, CancellationToken cancellationToken);
}

/// <summary>The built files on disk, checked against the manifest's hash before they are sent.</summary>
public sealed class LocalSiteFiles : ISiteFileSource
{
    public async Task PutAsync(IAmazonS3 s3, string siteBucket, SiteAsset asset, CancellationToken cancellationToken)
    {
        var file = asset.LocalFile ?? throw new InvalidOperationException($"{asset.Path} has no built file on disk to publish.");
        await ContentHash.VerifyBuiltFileAsync(file, asset.Sha256Hex, cancellationToken);
        await s3.PutByHashAsync(siteBucket, asset.Path, asset.Sha256Hex, asset.ContentType, cancellationToken,
            file: file, cacheControl: asset.CacheControl);
    }
}

/// <summary>
/// The copies kept in the artifact bucket by content hash when a later release replaced or deleted them
/// (<see cref="RollbackCopies"/>, <see cref="ReplacedSiteFiles"/>), copied inside S3 (no bytes through this machine)
/// with the headers the release recorded.
/// </summary>
public sealed class KeptSiteFiles(string artifactBucket, string project) : ISiteFileSource
{
    public async Task PutAsync(IAmazonS3 s3, string siteBucket, SiteAsset asset, CancellationToken cancellationToken)
    {
        var request = new CopyObjectRequest
        {
            SourceBucket = artifactBucket,
            SourceKey = RollbackCopies.SiteFileKey(project, asset.Sha256Hex),
            DestinationBucket = siteBucket,
            DestinationKey = asset.Path,
            ContentType = asset.ContentType,
            // REPLACE: the copy takes the headers given here, not the kept object's.
            MetadataDirective = S3MetadataDirective.REPLACE,
        };
        // The SHA-256 goes with the copy (AWS copies the kept object's; moto computes it), so that when a later release
        // replaces this file, its content can be checked from a HEAD before it is kept again.
        request.ChecksumAlgorithm = ChecksumAlgorithm.SHA256;
        request.Headers.CacheControl = asset.CacheControl;
        request.Metadata[S3ObjectExtensions.Sha256Metadata] = asset.Sha256Hex;
        await s3.CopyObjectAsync(request, cancellationToken);
    }
}
