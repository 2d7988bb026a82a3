using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Liftoff.Aws.Storage;
using Liftoff.Releases;

namespace Liftoff.Deploying.Locking;

/// <summary>
/// One deployment at a time per project and environment, held as <c>locks/{project}/{env}.json</c> in the
/// artifact bucket with S3 conditional writes: a PUT with If-None-Match: * creates the lock only where
/// none exists, and a PUT or DELETE with If-Match: &lt;etag&gt; changes it only if no one else has since.
/// S3 makes each of these atomic, so two runs can never both win; no lock table to create or pay for.
/// Each acquisition writes a new fencing token (<see cref="LockHolder.Token"/>), which its lease checks before
/// every change (<see cref="DeploymentLease.EnsureHeldAsync"/>).
/// </summary>
public sealed class DeploymentLock(
    IAmazonS3 s3, string bucket, DeploymentLockOptions? options = null, TimeProvider? clock = null)
{
    private const int Attempts = 4;
    private readonly DeploymentLockOptions _options = options ?? new DeploymentLockOptions();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static string Key(string project, string environment) => $"locks/{project}/{environment}.json";

    /// <summary>
    /// Takes the lock. While another run holds it, waits up to <paramref name="wait"/>'s limit (reporting each look),
    /// then fails with <see cref="DeploymentLockedException"/> naming the holder; without a wait it fails at once.
    /// A lock whose lease expired is taken over, conditional on it being unchanged since it was read.
    /// Dispose the lease (<c>await using</c>) to release it.
    /// </summary>
    public async Task<DeploymentLease> AcquireAsync(
        string project, string environment, ReleaseActor owner, CancellationToken cancellationToken, string? releaseId = null,
        LockWait? wait = null)
    {
        var limit = wait?.Limit ?? TimeSpan.Zero;
        var started = _clock.GetUtcNow();
        while (true)
        {
            try
            {
                return await TryAcquireAsync(project, environment, owner, releaseId, cancellationToken);
            }
            catch (DeploymentLockedException locked)
            {
                var waited = _clock.GetUtcNow() - started;
                if (waited >= limit) throw limit > TimeSpan.Zero ? new DeploymentLockedException(project, environment, locked.Holder, waited) : locked;
                wait!.Progress?.Report(new LockWaitProgress(locked.Holder, waited, limit - waited));
                var untilExpiry = locked.Holder.ExpiresAt - _clock.GetUtcNow();
                var pause = Min(_options.WaitPoll, limit - waited, untilExpiry > TimeSpan.Zero ? untilExpiry : _options.WaitPoll);
                await Task.Delay(pause, _clock, cancellationToken);
            }
        }
    }

    /// <summary>
    /// <c>--force-unlock</c>: takes the lock whoever holds it, by a conditional write over the lock as it was read (so a
    /// renewal or another takeover in between is never overwritten unseen). The lease says whose lock it broke
    /// (<see cref="DeploymentLease.TookOverFrom"/>); a holder still running finds its token gone at its next step and stops.
    /// </summary>
    public async Task<DeploymentLease> TakeOverAsync(string project, string environment, ReleaseActor owner, CancellationToken cancellationToken)
    {
        var key = Key(project, environment);
        var token = NewToken();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (holder, etagRead) = await ReadForTakeOverAsync(key, cancellationToken);
            var now = _clock.GetUtcNow();
            var mine = new LockHolder(owner, now, now + _options.Lease, token, Forced: holder?.IsExpiredAt(now) == false);
            var etag = etagRead is null
                ? await TryPutAsync(key, mine, ifNoneMatch: "*", ifMatch: null, cancellationToken)
                : await TryPutAsync(key, mine, ifNoneMatch: null, ifMatch: etagRead, cancellationToken);
            if (etag is not null) return Lease(project, environment, etag, mine, holder);
            if (await OwnLockAsync(key, token, cancellationToken) is { } own) return Lease(project, environment, own.ETag, own.Holder, holder);
            // Renewed or taken by someone else since we read it: read it again.
        }
        throw new InvalidOperationException($"Could not take the deployment lock s3://{bucket}/{key} over: it kept changing. Try again.");
    }

    /// <summary>Who holds the lock now (expired or not), or null when no one does.</summary>
    public async Task<LockHolder?> GetHolderAsync(string project, string environment, CancellationToken cancellationToken) =>
        (await ReadAsync(Key(project, environment), cancellationToken))?.Holder;

    /// <summary>Extends the lease if this holder still has it; returns the new etag, or null when it was lost.</summary>
    internal Task<string?> TryRenewAsync(string project, string environment, LockHolder renewed, string etag, CancellationToken cancellationToken) =>
        TryPutAsync(Key(project, environment), renewed, ifNoneMatch: null, ifMatch: etag, cancellationToken);

    /// <summary>Deletes the lock if it is still this holder's; false when someone else holds it now.</summary>
    internal async Task<bool> TryReleaseAsync(string project, string environment, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await s3.DeleteObjectAsync(
                new DeleteObjectRequest { BucketName = bucket, Key = Key(project, environment), IfMatch = etag }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.IsPreconditionFailed() || e.IsConditionalConflict() || e.IsNotFound())
        {
            return false;
        }
    }

    internal DateTimeOffset Now => _clock.GetUtcNow();

    internal TimeSpan LeaseLength => _options.Lease;

    /// <summary>One try: create the lock, or take over an expired lease; a live holder fails it.</summary>
    private async Task<DeploymentLease> TryAcquireAsync(
        string project, string environment, ReleaseActor owner, string? releaseId, CancellationToken cancellationToken)
    {
        var key = Key(project, environment);
        // One token for every attempt: a PUT that landed but whose answer was lost is then recognised as ours.
        var token = NewToken();
        LockHolder? seen = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = _clock.GetUtcNow();
            var mine = new LockHolder(owner, now, now + _options.Lease, token, releaseId);
            var etag = await TryPutAsync(key, mine, ifNoneMatch: "*", ifMatch: null, cancellationToken);
            if (etag is not null) return Lease(project, environment, etag, mine, previous: null);

            var current = await ReadAsync(key, cancellationToken);
            if (current is null) continue; // released between our PUT and GET: try again
            if (current.Value.Holder.Token == token) return Lease(project, environment, current.Value.ETag, current.Value.Holder, previous: null);
            seen = current.Value.Holder;
            if (!seen.IsExpiredAt(now)) throw new DeploymentLockedException(project, environment, seen);

            etag = await TryPutAsync(key, mine, ifNoneMatch: null, ifMatch: current.Value.ETag, cancellationToken);
            if (etag is not null) return Lease(project, environment, etag, mine, previous: seen);
            if (await OwnLockAsync(key, token, cancellationToken) is { } own) return Lease(project, environment, own.ETag, own.Holder, seen);
            // Someone else renewed or took it over since we read it: look again.
        }
        throw seen is not null
            ? new DeploymentLockedException(project, environment, seen)
            : new InvalidOperationException($"Could not take the deployment lock s3://{bucket}/{key}: it kept changing. Try again.");
    }

    private DeploymentLease Lease(string project, string environment, string etag, LockHolder holder, LockHolder? previous) =>
        new(this, project, environment, holder, etag, previous, _options.RenewEvery, _clock);

    /// <summary>The lock as stored when it carries <paramref name="token"/> (our write landed though its answer was lost).</summary>
    private async Task<(LockHolder Holder, string ETag)?> OwnLockAsync(string key, string token, CancellationToken cancellationToken) =>
        await ReadAsync(key, cancellationToken) is { } current && current.Holder.Token == token ? current : null;

    private async Task<string?> TryPutAsync(
        string key, LockHolder holder, string? ifNoneMatch, string? ifMatch, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(holder, ReleaseJson.Options)),
            ContentType = "application/json",
        };
        if (ifNoneMatch is not null) request.IfNoneMatch = ifNoneMatch;
        if (ifMatch is not null) request.IfMatch = ifMatch;
        try
        {
            return (await s3.PutObjectAsync(request, cancellationToken)).ETag;
        }
        catch (AmazonS3Exception e) when (e.IsPreconditionFailed() || e.IsConditionalConflict())
        {
            return null;
        }
    }

    private async Task<(LockHolder Holder, string ETag)?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            var holder = JsonSerializer.Deserialize<LockHolder>(buffer.ToArray(), ReleaseJson.Options)
                ?? throw new JsonException("empty lock");
            return (holder, response.ETag);
        }
        catch (AmazonS3Exception e) when (e.IsNotFound())
        {
            return null;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"The deployment lock s3://{bucket}/{key} is unreadable ({e.Message}). Take it over with --force-unlock " +
                $"or delete it (aws s3 rm s3://{bucket}/{key}).", e);
        }
    }

    /// <summary>The lock to take over and its etag; an unreadable lock is taken over too, by its etag alone.</summary>
    private async Task<(LockHolder? Holder, string? ETag)> ReadForTakeOverAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(key, cancellationToken) is { } current ? (current.Holder, current.ETag) : (null, null);
        }
        catch (InvalidDataException)
        {
            return (null, (await s3.HeadOrNullAsync(bucket, key, cancellationToken))?.ETag);
        }
    }

    private static string NewToken() => Guid.NewGuid().ToString("N");

    private static TimeSpan Min(TimeSpan a, TimeSpan b, TimeSpan c) => TimeSpan.FromTicks(Math.Min(a.Ticks, Math.Min(b.Ticks, c.Ticks)));
}
