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
        for (var attempt = 1; ; attempt++)
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
            try
            {
                await PutAsync(release, ifNoneMatch: true, cancellationToken);
                return release;
            }
            catch (AmazonS3Exception e) when ((e.IsPreconditionFailed() || e.IsConditionalConflict()) && attempt < 3)
            {
                // The SDK resends a PUT whose answer was lost, and the resend finds the first one's record: ours.
                var stored = await GetAsync(release.Project, release.Environment, release.Id, cancellationToken);
                if (stored is not null && stored.StartedAt == release.StartedAt && stored.Actor == release.Actor) return release;
            }
        }
    }

    /// <summary>Writes a release still in progress with what it has done so far, so a run that is killed leaves a record of how far it got.</summary>
    public Task SaveAsync(Release release, CancellationToken cancellationToken) =>
        PutAsync(release with { Status = ReleaseStatus.InProgress }, ifNoneMatch: false, cancellationToken);

    /// <summary>
    /// Records a release that stopped before it finished (a signal, a lock taken over, or, closed by a later run, a
    /// kill), with what it left in flight. Called from a catch block: pass CancellationToken.None.
    /// </summary>
    public Task<Release> CancelAsync(
        Release release, string reason, IReadOnlyList<string> leftInFlight, CancellationToken cancellationToken, string? closedBy = null) =>
        FinishAsync(release with { Status = ReleaseStatus.Cancelled, Error = reason, LeftInFlight = leftInFlight, ClosedBy = closedBy },
            cancellationToken);

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

    /// <summary>Records the CDN invalidation made for a release, leaving everything else as it is.</summary>
    public async Task<Release> RecordInvalidationAsync(Release release, ReleaseInvalidation invalidation, CancellationToken cancellationToken)
    {
        var invalidated = release with { Invalidation = invalidation };
        await PutAsync(invalidated, ifNoneMatch: false, cancellationToken);
        return invalidated;
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
        if (keys.Count <= limit) return Newest(await ReadManyAsync(keys, cancellationToken));
        // Ids order by the second a release started, then by chance: every release of the last second taken is read,
        // and the start times decide which of them are the newest.
        var boundary = SecondOf(IdOf(keys[limit - 1]));
        var candidates = keys.TakeWhile((k, i) => i < limit || SecondOf(IdOf(k)) == boundary).ToList();
        return Newest(await ReadManyAsync(candidates, cancellationToken)).Take(limit).ToList();
    }

    /// <summary>What is live: the newest release that succeeded (deploy or rollback), or null if none did.</summary>
    public async Task<Release?> LastSuccessfulAsync(string project, string environment, CancellationToken cancellationToken) =>
        (await ReadStateAsync(project, environment, cancellationToken)).Live;

    /// <summary>
    /// What is live, and the releases after it still recorded in progress: a run going on now, or one that was killed
    /// (an orphan, which the next run holding the lock closes). One scan, newest first, a page at a time.
    /// </summary>
    public async Task<LedgerState> ReadStateAsync(string project, string environment, CancellationToken cancellationToken)
    {
        var open = new List<Release>();
        foreach (var page in (await NewestKeysFirstAsync(project, environment, cancellationToken)).Chunk(ReadParallelism))
            foreach (var release in Newest(await ReadManyAsync(page, cancellationToken)))
            {
                if (release.Status == ReleaseStatus.Succeeded) return new LedgerState(release, open);
                if (release.Status == ReleaseStatus.InProgress) open.Add(release);
            }
        return new LedgerState(null, open);
    }

    /// <summary>
    /// The newest successful release started before <paramref name="olderThan"/> (any when null):
    /// Rollback asks for the one before what is live.
    /// </summary>
    public Task<Release?> LastSuccessfulAsync(
        string project, string environment, Release? olderThan, CancellationToken cancellationToken) =>
        LastSuccessfulAsync(project, environment, olderThan, _ => true, cancellationToken);

    /// <summary>The newest successful release started before <paramref name="olderThan"/> that <paramref name="accept"/> takes.</summary>
    public async Task<Release?> LastSuccessfulAsync(
        string project, string environment, Release? olderThan, Func<Release, bool> accept, CancellationToken cancellationToken)
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
                .FirstOrDefault(r => r.Status == ReleaseStatus.Succeeded && (olderThan is null || r.StartedAt < olderThan.StartedAt) && accept(r));
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>
    /// Where a release id is recorded in this bucket, whatever its project or environment (null when nowhere):
    /// so that an id given for the wrong project or environment gets an answer that says whose it is.
    /// </summary>
    public async Task<(string Project, string Environment)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = "releases/" };
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = await s3.ListObjectsV2Async(request, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
            {
                return null;
            }
            foreach (var o in page.S3Objects ?? [])
                if (o.Key.Split('/') is ["releases", var project, var environment, var file] && file == $"{id}.json")
                    return (project, environment);
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (request.ContinuationToken is not null);
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

/// <summary>What the ledger says of a project in an environment: the live release, and newer ones still in progress.</summary>
public sealed record LedgerState(Release? Live, IReadOnlyList<Release> InProgress);
