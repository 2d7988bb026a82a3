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
/// </summary>
public sealed class DeploymentLock(
    IAmazonS3 s3, string bucket, DeploymentLockOptions? options = null, TimeProvider? clock = null)
{
    private const int Attempts = 4;
    private readonly DeploymentLockOptions _options = options ?? new DeploymentLockOptions();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public static string Key(string project, string environment) => $"locks/{project}/{environment}.json";

    /// <summary>
    /// Takes the lock or fails at once with <see cref="DeploymentLockedException"/> naming the holder.
    /// A lock whose lease expired is taken over, conditional on it being unchanged since it was read.
    /// Dispose the lease (<c>await using</c>) to release it.
    /// </summary>
    public async Task<DeploymentLease> AcquireAsync(
        string project, string environment, ReleaseActor owner, CancellationToken cancellationToken, string? releaseId = null)
    {
        var key = Key(project, environment);
        LockHolder? seen = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = _clock.GetUtcNow();
            var mine = new LockHolder(owner, now, now + _options.Lease, Guid.NewGuid().ToString("N"), releaseId);
            var etag = await TryPutAsync(key, mine, ifNoneMatch: "*", ifMatch: null, cancellationToken);
            if (etag is not null) return Lease(etag, mine, previous: null);

            var current = await ReadAsync(key, cancellationToken);
            if (current is null) continue; // released between our PUT and GET: try again
            seen = current.Value.Holder;
            if (!seen.IsExpiredAt(now)) throw new DeploymentLockedException(project, environment, seen);

            etag = await TryPutAsync(key, mine, ifNoneMatch: null, ifMatch: current.Value.ETag, cancellationToken);
            if (etag is not null) return Lease(etag, mine, previous: seen);
            // Someone else renewed or took it over since we read it: look again.
        }
        throw seen is not null
            ? new DeploymentLockedException(project, environment, seen)
            : new InvalidOperationException($"Could not take the deployment lock s3://{bucket}/{key}: it kept changing. Try again.");

        DeploymentLease Lease(string etag, LockHolder holder, LockHolder? previous) =>
            new(this, project, environment, holder, etag, previous, _options.RenewEvery, _clock);
    }

    /// <summary>Who holds the lock now (expired or not), or null when no one does.</summary>
    public async Task<LockHolder?> GetHolderAsync(string project, string environment, CancellationToken cancellationToken) =>
        (await ReadAsync(Key(project, environment), cancellationToken))?.Holder;

    /// <summary>Removes the lock whoever holds it (<c>--force-unlock</c>); returns who held it, if anyone.</summary>
    public async Task<LockHolder?> ForceUnlockAsync(string project, string environment, CancellationToken cancellationToken)
    {
        var key = Key(project, environment);
        var holder = await ReadAsync(key, cancellationToken);
        if (holder is null) return null;
        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        return holder.Value.Holder;
    }

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
                $"The deployment lock s3://{bucket}/{key} is unreadable ({e.Message}). Remove it with --force-unlock.", e);
        }
    }
}
