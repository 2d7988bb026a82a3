using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;

namespace Liftoff.Releases;

/// <summary>
/// The release ledger: one JSON record per release at <c>releases/{project}/{env}/{id}.json</c> in the
/// artifact bucket, written when a release starts and rewritten when it ends, whatever the outcome.
/// The bucket is versioned, so every state a record went through stays readable for a month.
/// </summary>
public sealed class ReleaseLedger(IAmazonS3 s3, string bucket, TimeProvider? clock = null)
{
    private const int ReadParallelism = 8;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string Bucket => bucket;

    public static string Prefix(string project, string environment) => $"releases/{project}/{environment}/";

    public static string Key(string project, string environment, string id) => $"{Prefix(project, environment)}{id}.json";

    /// <summary>Records a release as in progress; returns it with its new id and start time.</summary>
    public async Task<Release> StartAsync(Release draft, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var release = draft with
        {
            Id = ReleaseId.New(now),
            Status = ReleaseStatus.InProgress,
            StartedAt = now,
            FinishedAt = null,
            Error = null,
        };
        // If-None-Match: an id is never reused, even by two machines starting in the same second with the same suffix.
        await PutAsync(release, ifNoneMatch: true, cancellationToken);
        return release;
    }

    /// <summary>Records the release as succeeded with everything it gathered (versions, changed paths, phases).</summary>
    public Task<Release> CompleteAsync(Release release, CancellationToken cancellationToken) =>
        FinishAsync(release with { Status = ReleaseStatus.Succeeded, Error = null }, cancellationToken);

    /// <summary>
    /// Records the release as failed. Called from a catch block: pass CancellationToken.None when the
    /// failure is a cancellation (Ctrl-C), so the record is not left saying "in progress".
    /// </summary>
    public Task<Release> FailAsync(Release release, string error, CancellationToken cancellationToken) =>
        FinishAsync(release with { Status = ReleaseStatus.Failed, Error = error }, cancellationToken);

    public Task<Release> FailAsync(Release release, Exception error, CancellationToken cancellationToken) =>
        FailAsync(release, error is OperationCanceledException ? "Cancelled." : error.Message, cancellationToken);

    /// <summary>Marks a release whose changes were taken back (an alarm during a shift, or a later Rollback).</summary>
    public async Task<Release> MarkRolledBackAsync(Release release, string reason, CancellationToken cancellationToken)
    {
        var rolledBack = release with
        {
            Status = ReleaseStatus.RolledBack,
            Error = reason,
            FinishedAt = release.FinishedAt ?? _clock.GetUtcNow(),
        };
        await PutAsync(rolledBack, ifNoneMatch: false, cancellationToken);
        return rolledBack;
    }

    /// <summary>Records how the release's smoke checks went, leaving its status as it is.</summary>
    public async Task<Release> RecordSmokeTestAsync(Release release, ReleaseSmokeTest smokeTest, CancellationToken cancellationToken)
    {
        var checkedRelease = release with { SmokeTest = smokeTest };
        await PutAsync(checkedRelease, ifNoneMatch: false, cancellationToken);
        return checkedRelease;
    }

    public async Task<Release?> GetAsync(string project, string environment, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(Key(project, environment, id), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The project's releases in the environment, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<Release>> ListAsync(
        string project, string environment, int limit, CancellationToken cancellationToken)
    {
        var keys = await NewestKeysFirstAsync(project, environment, cancellationToken);
        return Newest(await ReadManyAsync(keys.Take(limit).ToList(), cancellationToken));
    }

    /// <summary>What is live: the newest release that succeeded (deploy or rollback), or null if none did.</summary>
    public Task<Release?> LastSuccessfulAsync(string project, string environment, CancellationToken cancellationToken) =>
        LastSuccessfulAsync(project, environment, olderThan: null, cancellationToken);

    /// <summary>
    /// The newest successful release started before <paramref name="olderThan"/> (any when null):
    /// Rollback asks for the one before what is live.
    /// </summary>
    public async Task<Release?> LastSuccessfulAsync(
        string project, string environment, Release? olderThan, CancellationToken cancellationToken)
    {
        var keys = await NewestKeysFirstAsync(project, environment, cancellationToken);
        if (olderThan is not null)
        {
            // Ids order by second; within the reference's second the start times decide, after reading.
            var second = SecondOf(olderThan.Id);
            keys = keys.Where(k => string.CompareOrdinal(SecondOf(IdOf(k)), second) <= 0 && IdOf(k) != olderThan.Id).ToList();
        }

        // Read a page at a time: the answer is almost always among the newest few.
        foreach (var page in keys.Chunk(ReadParallelism))
        {
            var found = Newest(await ReadManyAsync(page, cancellationToken))
                .FirstOrDefault(r => r.Status == ReleaseStatus.Succeeded && (olderThan is null || r.StartedAt < olderThan.StartedAt));
            if (found is not null) return found;
        }
        return null;
    }

    private async Task<Release> FinishAsync(Release release, CancellationToken cancellationToken)
    {
        var finished = release with { FinishedAt = _clock.GetUtcNow() };
        await PutAsync(finished, ifNoneMatch: false, cancellationToken);
        return finished;
    }

    private async Task PutAsync(Release release, bool ifNoneMatch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(release.Id))
            throw new InvalidOperationException("A release must be started (ReleaseLedger.StartAsync) before it is updated.");
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = Key(release.Project, release.Environment, release.Id),
            InputStream = new MemoryStream(ReleaseJson.Serialize(release)),
            ContentType = "application/json",
        };
        if (ifNoneMatch) request.IfNoneMatch = "*";
        await s3.PutObjectAsync(request, cancellationToken);
    }

    private async Task<List<string>> NewestKeysFirstAsync(string project, string environment, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = Prefix(project, environment) };
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = await s3.ListObjectsV2Async(request, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
            {
                return []; // nothing was ever uploaded to this environment: no releases yet
            }
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key).Where(k => k.EndsWith(".json", StringComparison.Ordinal)));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (request.ContinuationToken is not null);
        keys.Sort(StringComparer.Ordinal);
        keys.Reverse();
        return keys;
    }

    private async Task<List<Release>> ReadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var releases = new Release[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, ct) => releases[i] = await ReadAsync(keys[i], ct));
        return [.. releases];
    }

    private async Task<Release> ReadAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
        try
        {
            return ReleaseJson.Deserialize(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"The release record s3://{bucket}/{key} cannot be read: {e.Message} " +
                "Restore its previous version from the bucket's version history or delete it.", e);
        }
    }

    // Ids share a second when tests (or two runs) start together; the start time breaks the tie.
    private static List<Release> Newest(IEnumerable<Release> releases) =>
        releases.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).ToList();

    private static string IdOf(string key) => Path.GetFileNameWithoutExtension(key);

    private static string SecondOf(string id) => id.Split('-')[0];
}
