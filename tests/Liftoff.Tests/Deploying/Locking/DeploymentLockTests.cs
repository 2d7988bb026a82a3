using System.Text.Json;
using Liftoff.Deploying.Locking;
using Liftoff.Uploading;
using Liftoff.Releases;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying.Locking;

public sealed class DeploymentLockTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    private static readonly ReleaseActor Alice = new("alice", "laptop", 4242);
    private static readonly ReleaseActor Ci = new("ci-bot", "runner-7", 99, "github-actions", "https://github.com/acme/liftoff/actions/runs/5");
    private static readonly DeploymentLockOptions NoBackgroundRenewal = new() { RenewEvery = null };
    private readonly AwsCli _aws = new(moto);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_second_deploy_fails_at_once_naming_who_holds_the_lock_and_since_when()
    {
        var locks = await NewLockAsync();
        await using var first = await locks.AcquireAsync("people", "staging", Ci, CancellationToken.None, releaseId: "20261123T103000Z-abcdef");
        _clock.Advance(TimeSpan.FromMinutes(3));

        var e = await Assert.ThrowsAsync<DeploymentLockedException>(
            () => locks.AcquireAsync("people", "staging", Alice, CancellationToken.None));

        Assert.Equal("ci-bot", e.Holder.Owner.User);
        Assert.Contains("ci-bot@runner-7", e.Message);
        Assert.Contains("https://github.com/acme/liftoff/actions/runs/5", e.Message);
        Assert.Contains("release 20261123T103000Z-abcdef", e.Message);
        Assert.Contains("since 2026-11-23 10:30:00 UTC", e.Message);
        Assert.Contains("--env staging --project people --force-unlock", e.Message);
    }

    [Fact]
    public async Task Locks_are_per_project_and_environment()
    {
        var locks = await NewLockAsync();
        await using var staging = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);

        await using var prod = await locks.AcquireAsync("people", "prod", Alice, CancellationToken.None);
        await using var other = await locks.AcquireAsync("cards", "staging", Alice, CancellationToken.None);

        Assert.Equal("alice", (await locks.GetHolderAsync("people", "prod", CancellationToken.None))?.Owner.User);
    }

    [Fact]
    public async Task The_lock_is_stored_with_its_owner_and_lease_and_removed_on_release()
    {
        var (locks, bucket) = await NewLockWithBucketAsync();
        var lease = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);

        var stored = await ReadBackAsync(bucket, "locks/people/staging.json");
        Assert.Equal("alice", stored.GetProperty("owner").GetProperty("user").GetString());
        Assert.Equal(4242, stored.GetProperty("owner").GetProperty("processId").GetInt32());
        Assert.Equal("2026-11-23T10:30:00+00:00", stored.GetProperty("acquiredAt").GetString());
        Assert.Equal("2026-11-23T10:45:00+00:00", stored.GetProperty("expiresAt").GetString());

        await lease.DisposeAsync();

        var listing = await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "locks/");
        Assert.False(listing.ValueKind == JsonValueKind.Object && listing.TryGetProperty("Contents", out _));
        await using var next = await locks.AcquireAsync("people", "staging", Ci, CancellationToken.None);
        Assert.Null(next.TookOverFrom);
    }

    [Fact]
    public async Task Renewing_extends_the_lease_and_keeps_the_acquisition_time()
    {
        var (locks, bucket) = await NewLockWithBucketAsync();
        await using var lease = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(10));

        await lease.RenewAsync(CancellationToken.None);

        var stored = await ReadBackAsync(bucket, "locks/people/staging.json");
        Assert.Equal("2026-11-23T10:30:00+00:00", stored.GetProperty("acquiredAt").GetString());
        Assert.Equal("2026-11-23T10:55:00+00:00", stored.GetProperty("expiresAt").GetString());
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Assert.ThrowsAsync<DeploymentLockedException>(() => locks.AcquireAsync("people", "staging", Ci, CancellationToken.None));
    }

    [Fact]
    public async Task A_held_lock_is_renewed_in_the_background_while_the_run_works()
    {
        var bucket = MotoS3.UniqueBucket("locks");
        using var s3 = MotoS3.Client(moto);
        await new ArtifactBucket(s3, bucket, moto.Region).EnsureAsync(CancellationToken.None);
        var locks = new DeploymentLock(s3, bucket, new DeploymentLockOptions { RenewEvery = TimeSpan.FromMilliseconds(50) }, _clock);
        await using var lease = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(10));

        var expected = _clock.GetUtcNow() + TimeSpan.FromMinutes(15);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (lease.Holder.ExpiresAt != expected)
            await Task.Delay(10, limit.Token); // polls a condition; the limit fails the test if renewal never comes

        Assert.Equal(expected, (await locks.GetHolderAsync("people", "staging", CancellationToken.None))?.ExpiresAt);
        Assert.False(lease.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_crashed_run_cannot_release_or_renew_it()
    {
        var locks = await NewLockAsync();
        var crashed = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(14));
        await Assert.ThrowsAsync<DeploymentLockedException>(() => locks.AcquireAsync("people", "staging", Ci, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(2));

        await using var next = await locks.AcquireAsync("people", "staging", Ci, CancellationToken.None);

        Assert.Equal("alice", next.TookOverFrom?.Owner.User);
        await Assert.ThrowsAsync<DeploymentLockLostException>(() => crashed.RenewAsync(CancellationToken.None));
        Assert.True(crashed.Lost.IsCancellationRequested);
        await crashed.DisposeAsync();
        Assert.Equal("ci-bot", (await locks.GetHolderAsync("people", "staging", CancellationToken.None))?.Owner.User);
    }

    [Fact]
    public async Task Force_unlock_removes_a_live_lock_and_says_whose_it_was()
    {
        var locks = await NewLockAsync();
        var stuck = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);

        var removed = await locks.ForceUnlockAsync("people", "staging", CancellationToken.None);

        Assert.Equal("alice", removed?.Owner.User);
        await using var next = await locks.AcquireAsync("people", "staging", Ci, CancellationToken.None);
        await stuck.DisposeAsync(); // the old run finishing late must not remove the new holder's lock
        Assert.Equal("ci-bot", (await locks.GetHolderAsync("people", "staging", CancellationToken.None))?.Owner.User);
        Assert.Null(await locks.ForceUnlockAsync("cards", "staging", CancellationToken.None));
    }

    [Fact]
    public async Task The_lock_is_released_when_the_deploy_fails()
    {
        var locks = await NewLockAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var lease = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);
            throw new InvalidOperationException("the change set failed");
        });

        Assert.Null(await locks.GetHolderAsync("people", "staging", CancellationToken.None));
    }

    private async Task<DeploymentLock> NewLockAsync() => (await NewLockWithBucketAsync()).Lock;

    private async Task<(DeploymentLock Lock, string Bucket)> NewLockWithBucketAsync()
    {
        var bucket = MotoS3.UniqueBucket("locks");
        var s3 = MotoS3.Client(moto);
        await new ArtifactBucket(s3, bucket, moto.Region).EnsureAsync(CancellationToken.None);
        return (new DeploymentLock(s3, bucket, NoBackgroundRenewal, _clock), bucket);
    }

    private async Task<JsonElement> ReadBackAsync(string bucket, string key)
    {
        var file = Path.GetTempFileName();
        try
        {
            await _aws.RunAsync("s3api", "get-object", "--bucket", bucket, "--key", key, file);
            return JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
