using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Liftoff.Aws.Storage;

namespace Liftoff.Uploading;

/// <summary>
/// Uploads packaged functions to the artifact bucket under content-addressed keys
/// (<c>{project}/{function}/{sha256}.zip</c>). An object already stored under its key with the same sha256
/// is not sent again, so an unchanged function costs one HEAD.
/// </summary>
/// <param name="confirmed">Keys known to be in the bucket: not asked for again; each key found or sent is added.</param>
public sealed class ArtifactUploader(IAmazonS3 s3, ArtifactUploadOptions? options = null, ConfirmedUploads? confirmed = null)
{
    private readonly ArtifactUploadOptions _options = options ?? new ArtifactUploadOptions();

    /// <summary>Uploads every artifact (bounded parallelism); results come back in the input's order.</summary>
    public async Task<IReadOnlyList<UploadedArtifact>> UploadAsync(
        string bucket, IReadOnlyList<ArtifactToUpload> artifacts, CancellationToken cancellationToken)
    {
        var results = new UploadedArtifact[artifacts.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, artifacts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelUploads, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await UploadOneAsync(bucket, artifacts[i], ct));
        return results;
    }

    private async Task<UploadedArtifact> UploadOneAsync(string bucket, ArtifactToUpload artifact, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var file = new FileInfo(artifact.FilePath);
        if (!file.Exists)
            throw new FileNotFoundException(
                $"The package of {artifact.Project}/{artifact.Function} is missing at {artifact.FilePath}. Run `./build.sh Package` first.",
                artifact.FilePath);

        if (confirmed?.Contains(artifact.Key) == true) return Result(UploadOutcome.AlreadySent, bytesSent: 0, multipart: false);
        var existing = await s3.HeadOrNullAsync(bucket, artifact.Key, cancellationToken);
        if (existing is not null && HoldsSameContent(existing, artifact.Sha256Hex))
        {
            confirmed?.Add(artifact.Key);
            return Result(UploadOutcome.AlreadyPresent, bytesSent: 0, multipart: false);
        }

        await VerifyUnchangedSincePackagedAsync(artifact, cancellationToken);
        var multipart = file.Length >= _options.MultipartThreshold;
        if (multipart)
            await SendMultipartAsync(bucket, artifact, cancellationToken);
        else
            await SendSinglePartAsync(bucket, artifact, cancellationToken);
        confirmed?.Add(artifact.Key);
        return Result(UploadOutcome.Uploaded, file.Length, multipart);

        UploadedArtifact Result(UploadOutcome outcome, long bytesSent, bool multipart) => new(
            artifact.Project, artifact.Function, artifact.Sha256Hex, artifact.Key, outcome, file.Length, bytesSent,
            multipart, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The key promises content with this sha256, so the file must still have it. AWS would reject a single
    /// PUT whose x-amz-checksum-sha256 differs (BadDigest), but not a multipart upload, and moto checks neither.
    /// </summary>
    private static async Task VerifyUnchangedSincePackagedAsync(ArtifactToUpload artifact, CancellationToken cancellationToken)
    {
        var actual = ContentHash.Hex(await ContentHash.OfFileAsync(artifact.FilePath, cancellationToken));
        if (!string.Equals(actual, artifact.Sha256Hex, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"The package of {artifact.Project}/{artifact.Function} at {artifact.FilePath} changed after it was packaged " +
                $"(sha256 {actual}, manifest says {artifact.Sha256Hex}). Run `./build.sh Package` again, then upload.");
    }

    internal static bool HoldsSameContent(StoredObject stored, string sha256Hex) =>
        string.Equals(stored.Sha256Hex, sha256Hex, StringComparison.OrdinalIgnoreCase)
        || stored.ChecksumSha256Base64 == ContentHash.Base64FromHex(sha256Hex);

    private async Task SendSinglePartAsync(string bucket, ArtifactToUpload artifact, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = artifact.Key,
            FilePath = artifact.FilePath,
            ContentType = "application/zip",
            // S3 recomputes this and rejects the PUT (BadDigest) if the file changed since it was packaged.
            ChecksumSHA256 = ContentHash.Base64FromHex(artifact.Sha256Hex),
        };
        request.Metadata[S3ObjectExtensions.Sha256Metadata] = artifact.Sha256Hex;
        await s3.PutObjectAsync(request, cancellationToken);
    }

    private async Task SendMultipartAsync(string bucket, ArtifactToUpload artifact, CancellationToken cancellationToken)
    {
        // TransferUtility splits, sends parts in parallel, and aborts the upload if a part fails or we are cancelled.
        // Each part carries its own SHA-256 checksum; S3 has no whole-object SHA-256 for multipart objects.
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig
        {
            MinSizeBeforePartUpload = _options.MultipartThreshold,
            ConcurrentServiceRequests = 4,
        });
        var request = new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = artifact.Key,
            FilePath = artifact.FilePath,
            PartSize = _options.PartSize,
            ContentType = "application/zip",
            ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
        };
        request.Metadata[S3ObjectExtensions.Sha256Metadata] = artifact.Sha256Hex;
        await transfer.UploadAsync(request, cancellationToken);
    }
}
