using Amazon.S3;
using Liftoff.Configuration;
using Liftoff.Packaging;

namespace Liftoff.Uploading;

/// <summary>
/// One project's artifacts and the artifact bucket of its environment (with a client for the bucket's region), and
/// what Rollback needs kept there: the template and the front end's files (<see cref="RollbackCopies"/>).
/// </summary>
public sealed record ProjectUpload(string Project, string Bucket, string Region, IAmazonS3 S3, IReadOnlyList<ArtifactToUpload> Artifacts)
{
    /// <summary>The template file, kept by content hash so that Rollback can redeploy it; null keeps none.</summary>
    public string? TemplatePath { get; init; }

    public IReadOnlyList<SiteFileToKeep> SiteFiles { get; init; } = [];

    /// <summary>The project's functions as Package left them in the manifest; a function missing there is an error that says what to run.</summary>
    public static ProjectUpload From(ProjectEnvironment environment, ArtifactManifest manifest, string rootDirectory, IAmazonS3 s3)
    {
        var artifacts = environment.Functions.Select(f =>
            manifest.Find(environment.Project, f.Name) is { } artifact
                ? ArtifactToUpload.From(artifact, rootDirectory)
                : throw new InvalidOperationException(
                    $"{environment.Project}/{f.Name} has no artifact in {ArtifactManifest.RelativePath}. " +
                    $"Run `./build.sh Package --project {environment.Project}`, then upload again.")).ToList();
        var siteFiles = manifest.FindFrontEnd(environment.Project) is { } frontEnd && environment.FrontEnd is not null
            ? frontEnd.Assets.Select(a => new SiteFileToKeep(a.Sha256Hex, frontEnd.LocalFileOf(a, rootDirectory))).ToList()
            : [];
        return new ProjectUpload(environment.Project, environment.ArtifactBucket, environment.Region, s3, artifacts)
        {
            TemplatePath = environment.TemplatePath,
            SiteFiles = siteFiles,
        };
    }
}

/// <summary>What Upload did for one project: whether its bucket had to be created, and each artifact's outcome.</summary>
public sealed record ProjectUploadResult(string Project, string Bucket, BucketState BucketState, IReadOnlyList<UploadedArtifact> Uploads)
{
    /// <summary>What was kept for Rollback: whether the template was new, and the front-end files sent and already kept.</summary>
    public KeptForRollback Kept { get; init; } = KeptForRollback.Nothing;

    public long BytesSent => Uploads.Sum(u => u.BytesSent);
}

/// <summary>What one Upload kept for Rollback (<see cref="RollbackCopies"/>).</summary>
public sealed record KeptForRollback(bool TemplateSent, int SiteFilesSent, int SiteFilesAlreadyKept)
{
    public static KeptForRollback Nothing { get; } = new(false, 0, 0);
}
