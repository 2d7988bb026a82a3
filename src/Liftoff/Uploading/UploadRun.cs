using System.Collections.Concurrent;

namespace Liftoff.Uploading;

/// <summary>
/// The Upload step for every selected project: each artifact bucket is ensured once (projects of an
/// environment usually share one), then the projects upload in parallel.
/// </summary>
public sealed class UploadRun(ArtifactUploadOptions? options = null, int maxParallelProjects = 4)
{
    /// <summary>The checkout whose .nuke/temp records the keys each bucket holds (<see cref="ConfirmedUploads"/>); null asks S3 every time.</summary>
    public string? RecordDirectory { get; init; }

    /// <summary>Told every object this run sent or saw in a bucket, for Deploy in the same run.</summary>
    public UploadedThisRun? ThisRun { get; init; }

    public async Task<IReadOnlyList<ProjectUploadResult>> RunAsync(IReadOnlyList<ProjectUpload> projects, CancellationToken cancellationToken)
    {
        var buckets = new ConcurrentDictionary<string, Lazy<Task<(BucketState, ConfirmedUploads?)>>>(StringComparer.Ordinal);
        var results = new ProjectUploadResult[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelProjects, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var p = projects[i];
                var ensured = buckets.GetOrAdd(p.Bucket, _ => new Lazy<Task<(BucketState, ConfirmedUploads?)>>(() => EnsureAsync(p, ct)));
                var (state, confirmed) = await ensured.Value;
                var uploads = await new ArtifactUploader(p.S3, options, confirmed).UploadAsync(p.Bucket, p.Artifacts, ct);
                foreach (var u in uploads.Where(u => u.Outcome != UploadOutcome.AlreadySent)) ThisRun?.Add(p.Bucket, u.Key);
                results[i] = new ProjectUploadResult(p.Project, p.Bucket, FirstToEnsure(state, p, projects, i), uploads);
            });
        foreach (var ensured in buckets.Values)
            if ((await ensured.Value).Item2 is { } confirmed) await confirmed.SaveAsync(cancellationToken);
        return results;
    }

    private async Task<(BucketState, ConfirmedUploads?)> EnsureAsync(ProjectUpload project, CancellationToken cancellationToken)
    {
        var state = await new ArtifactBucket(project.S3, project.Bucket, project.Region).EnsureAsync(cancellationToken);
        if (RecordDirectory is null) return (state, null);
        var confirmed = await ConfirmedUploads.LoadAsync(RecordDirectory, project.Bucket, project.Region, project.Endpoint, cancellationToken);
        if (state == BucketState.Created) confirmed.Clear();
        return (state, confirmed);
    }

    // Only the first project on a new bucket reports it as created; the others found it there.
    private static BucketState FirstToEnsure(BucketState state, ProjectUpload project, IReadOnlyList<ProjectUpload> all, int index) =>
        state == BucketState.Created && all.Take(index).Any(p => p.Bucket == project.Bucket) ? BucketState.AlreadyExisted : state;
}
