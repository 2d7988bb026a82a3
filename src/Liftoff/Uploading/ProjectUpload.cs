using Amazon.S3;
using Liftoff.Configuration;
using Liftoff.Packaging;

namespace Liftoff.Uploading;

/// <summary>
/// One project's artifacts and the artifact bucket of its environment (with a client for the bucket's region). The
/// front end's files are not uploaded here: Deploy sends them to the site bucket, and keeps for Rollback only what a
/// release replaces (<see cref="RollbackCopies"/>).
/// </summary>
public sealed record ProjectUpload(string Project, string Bucket, string Region, IAmazonS3 S3, IReadOnlyList<ArtifactToUpload> Artifacts)
{
    /// <summary>The environment's endpoint (a local AWS), null for AWS's own: with the bucket, what <see cref="ConfirmedUploads"/> is kept for.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The project's functions and layers as Package left them in the manifest; one missing there is an error that says what to run.</summary>
    public static ProjectUpload From(ProjectEnvironment environment, ArtifactManifest manifest, string rootDirectory, IAmazonS3 s3)
    {
        var artifacts = environment.ArtifactNames.Select(name =>
            manifest.Find(environment.Project, name) is { } artifact
                ? ArtifactToUpload.From(artifact, rootDirectory)
                : throw new InvalidOperationException(
                    $"{environment.Project}/{name} has no artifact in {ArtifactManifest.RelativePath}. " +
                    $"Run `./build.sh Package --project {environment.Project}`, then upload again.")).ToList();
        return new ProjectUpload(environment.Project, environment.ArtifactBucket, environment.Region, s3, artifacts)
            { Endpoint = environment.EndpointUrl };
    }
}

/// <summary>What Upload did for one project: whether its bucket had to be created, and each artifact's outcome.</summary>
public sealed record ProjectUploadResult(string Project, string Bucket, BucketState BucketState, IReadOnlyList<UploadedArtifact> Uploads)
{
    public long BytesSent => Uploads.Sum(u => u.BytesSent);
}
