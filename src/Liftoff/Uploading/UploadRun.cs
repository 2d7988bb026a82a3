using System.Collections.Concurrent;

namespace Liftoff.Uploading;

/// <summary>
/// The Upload step for every selected project: each artifact bucket is ensured once (projects of an
/// environment usually share one), then the projects upload in parallel.
/// </summary>
public sealed class UploadRun(ArtifactUploadOptions? options = null, int maxParallelProjects = 4)
{
    public async Task<IReadOnlyList<ProjectUploadResult>> RunAsync(IReadOnlyList<ProjectUpload> projects, CancellationToken cancellationToken)
    {
        var buckets = new ConcurrentDictionary<string, Lazy<Task<BucketState>>>(StringComparer.Ordinal);
        var results = new ProjectUploadResult[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelProjects, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var p = projects[i];
                var ensured = buckets.GetOrAdd(p.Bucket,
                    _ => new Lazy<Task<BucketState>>(() => new ArtifactBucket(p.S3, p.Bucket, p.Region).EnsureAsync(ct)));
                var state = await ensured.Value;
                var uploads = await new ArtifactUploader(p.S3, options).UploadAsync(p.Bucket, p.Artifacts, ct);
                results[i] = new ProjectUploadResult(p.Project, p.Bucket, FirstToEnsure(state, p, projects, i), uploads)
                {
                    Kept = await KeepForRollbackAsync(p, ct),
                };
            });
        return results;
    }

    /// <summary>The front end's files, kept by content hash so that Rollback can put this release's site back later.</summary>
    private static async Task<KeptForRollback> KeepForRollbackAsync(ProjectUpload project, CancellationToken cancellationToken)
    {
        if (project.SiteFiles.Count == 0) return KeptForRollback.Nothing;
        var (sent, already) = await new RollbackCopies(project.S3, project.Bucket).KeepSiteFilesAsync(project.Project, project.SiteFiles, cancellationToken);
        return new KeptForRollback(sent, already);
    }

    // Only the first project on a new bucket reports it as created; the others found it there.
    private static BucketState FirstToEnsure(BucketState state, ProjectUpload project, IReadOnlyList<ProjectUpload> all, int index) =>
        state == BucketState.Created && all.Take(index).Any(p => p.Bucket == project.Bucket) ? BucketState.AlreadyExisted : state;
}
