using Amazon.S3;

namespace Liftoff.Deploying.Upload;

/// <summary>One project's artifacts and the artifact bucket of its environment (with a client for the bucket's region).</summary>
public sealed record ProjectUpload(string Project, string Bucket, string Region, IAmazonS3 S3, IReadOnlyList<ArtifactToUpload> Artifacts);

/// <summary>What Upload did for one project: whether its bucket had to be created, and each artifact's outcome.</summary>
public sealed record ProjectUploadResult(string Project, string Bucket, BucketState BucketState, IReadOnlyList<UploadedArtifact> Uploads)
{
    public long BytesSent => Uploads.Sum(u => u.BytesSent);
}
