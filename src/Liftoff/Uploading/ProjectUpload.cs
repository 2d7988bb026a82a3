using Amazon.S3;
using Liftoff.Configuration;
using Liftoff.Packaging;

namespace Liftoff.Uploading;

/// <summary>
/// One project's artifacts and the artifact bucket of its environment (with a client for the bucket's region), and
/// the front end's files, which Rollback needs kept there (<see cref="RollbackCopies"/>).
/// </summary>
public sealed record ProjectUpload(string Project, string Bucket, string Region, IAmazonS3 S3, IReadOnlyList<ArtifactToUpload> Artifacts)
{
    /// <summary>The front end's built files, kept by content hash so that Rollback can put this release's site back.</summary>
    public IReadOnlyList<SiteFileToKeep> SiteFiles { get; init; } = [];

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
            { SiteFiles = SiteFilesOf(environment, manifest, rootDirectory), Endpoint = environment.EndpointUrl };
    }

    /// <summary>The project's built front-end files as Package listed them (none without a front end).</summary>
    public static IReadOnlyList<SiteFileToKeep> SiteFilesOf(ProjectEnvironment environment, ArtifactManifest manifest, string rootDirectory) =>
        manifest.FindFrontEnd(environment.Project) is { } frontEnd && environment.FrontEnd is not null
            ? frontEnd.Assets.Select(a => new SiteFileToKeep(a.Sha256Hex, frontEnd.LocalFileOf(a, rootDirectory))).ToList()
            : [];
}

/// <summary>What Upload did for one project: whether its bucket had to be created, and each artifact's outcome.</summary>
public sealed record ProjectUploadResult(string Project, string Bucket, BucketState BucketState, IReadOnlyList<UploadedArtifact> Uploads)
{
    /// <summary>What was kept for Rollback: the front-end files sent and those already kept.</summary>
    public KeptForRollback Kept { get; init; } = KeptForRollback.Nothing;

    public long BytesSent => Uploads.Sum(u => u.BytesSent);
}

/// <summary>What one Upload kept for Rollback (<see cref="RollbackCopies"/>).</summary>
public sealed record KeptForRollback(int SiteFilesSent, int SiteFilesAlreadyKept)
{
    public static KeptForRollback Nothing { get; } = new(0, 0);
}
