using System.Text.Json;
using Liftoff.Deploying.Locking;
using Liftoff.Tests.Aws;
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
        // Waiting comes first; breaking the lock only for a run known dead.
        Assert.Contains("./build.sh Deploy --env staging --project people --wait-for-lock", e.Message);
        Assert.Contains("--force-unlock only if you know that run is dead", e.Message);
        Assert.True(e.Message.IndexOf("--wait-for-lock", StringComparison.Ordinal) < e.Message.IndexOf("--force-unlock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_holder_that_ran_on_this_machine_and_is_gone_is_named_dead_and_safe_to_take_over()
    {
        var locks = await NewLockAsync();
        var gone = System.Diagnostics.Process.Start("true")!;
        await gone.WaitForExitAsync();
        var here = new ReleaseActor("alice", Environment.MachineName, gone.Id);
        _ = await locks.AcquireAsync("people", "staging", here, CancellationToken.None);

        var e = await Assert.ThrowsAsync<DeploymentLockedException>(() => locks.AcquireAsync("people", "staging", Ci, CancellationToken.None));

        Assert.Contains($"Process {gone.Id} no longer runs on this machine", e.Message);
        Assert.Contains("so that run is dead: take its lock over with `./build.sh Deploy --env staging --project people --force-unlock`", e.Message);
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
    public async Task Force_unlock_takes_a_live_lock_over_and_its_holder_stops_at_its_next_step_naming_who_took_it()
    {
        var (locks, bucket) = await NewLockWithBucketAsync();
        var live = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);
        await live.EnsureHeldAsync("creating a change set", CancellationToken.None);

        await using var taken = await locks.TakeOverAsync("people", "staging", Ci, CancellationToken.None);

        Assert.Equal("alice", taken.TookOverFrom?.Owner.User);
        Assert.True(taken.Holder.Forced);
        Assert.NotEqual(live.Token, taken.Token);
        var stored = await ReadBackAsync(bucket, "locks/people/staging.json");
        Assert.Equal(taken.Token, stored.GetProperty("token").GetString());
        Assert.True(stored.GetProperty("forced").GetBoolean());
        var lost = await Assert.ThrowsAsync<DeploymentLockLostException>(() => live.EnsureHeldAsync("executing the change set", CancellationToken.None).AsTask());
        Assert.Contains("ci-bot@runner-7", lost.Message);
        Assert.Contains("took it over with --force-unlock", lost.Message);
        Assert.Contains("stopped before executing the change set", lost.Message);
        Assert.True(live.Lost.IsCancellationRequested);
        await live.DisposeAsync(); // the old run finishing late must not remove the new holder's lock
        Assert.Equal(taken.Token, (await locks.GetHolderAsync("people", "staging", CancellationToken.None))?.Token);
    }

    [Fact]
    public async Task Force_unlock_with_no_lock_held_takes_a_free_one()
    {
        var locks = await NewLockAsync();

        await using var taken = await locks.TakeOverAsync("cards", "staging", Ci, CancellationToken.None);

        Assert.Null(taken.TookOverFrom);
        Assert.False(taken.Holder.Forced);
        await taken.EnsureHeldAsync("creating a change set", CancellationToken.None);
    }

    [Fact]
    public async Task A_run_waiting_for_the_lock_takes_it_as_soon_as_its_holder_releases_it()
    {
        var bucket = MotoS3.UniqueBucket("locks");
        using var s3 = MotoS3.Client(moto);
        await new ArtifactBucket(s3, bucket, moto.Region).EnsureAsync(CancellationToken.None);
        var locks = new DeploymentLock(s3, bucket, NoBackgroundRenewal with { WaitPoll = TimeSpan.FromMilliseconds(20) });
        var first = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);
        var waiting = new TaskCompletionSource<LockWaitProgress>(TaskCreationOptions.RunContinuationsAsynchronously);

        var second = locks.AcquireAsync("people", "staging", Ci, CancellationToken.None,
            wait: new LockWait(TimeSpan.FromMinutes(5), new Reported(p => waiting.TrySetResult(p))));
        var seen = await waiting.Task;
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await using var lease = await second;

        Assert.Equal("alice", seen.Holder.Owner.User);
        Assert.Equal("ci-bot", (await locks.GetHolderAsync("people", "staging", CancellationToken.None))?.Owner.User);
    }

    [Fact]
    public async Task A_run_that_waited_its_limit_fails_saying_how_long_it_waited()
    {
        var locks = await NewLockAsync();
        await using var first = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);
        var looks = 0;
        // The fake clock moves a minute per look, so the two-minute wait ends after two looks.
        var wait = new LockWait(TimeSpan.FromMinutes(2), new Reported(_ => { looks++; _clock.Advance(TimeSpan.FromMinutes(1)); }));

        var e = await Assert.ThrowsAsync<DeploymentLockedException>(() => locks.AcquireAsync("people", "staging", Ci, CancellationToken.None, wait: wait));

        Assert.Equal(2, looks);
        Assert.Contains("Waited 2m for it.", e.Message);
        Assert.Equal("alice", e.Holder.Owner.User);
    }

    [Fact]
    public async Task A_lock_written_by_a_PUT_whose_answer_was_lost_is_recognised_as_this_runs()
    {
        var bucket = MotoS3.UniqueBucket("locks");
        using var direct = MotoS3.Client(moto);
        await new ArtifactBucket(direct, bucket, moto.Region).EnsureAsync(CancellationToken.None);
        var lost = 0;
        await using var proxy = new FaultInjectingProxy(moto.Endpoint, (_, operation) =>
            operation == $"PUT /{bucket}/locks/people/staging.json" && Interlocked.Increment(ref lost) == 1 ? Fault.LoseResponse : Fault.None);
        using var s3 = MotoS3.Client(moto, endpoint: proxy.Endpoint);
        var locks = new DeploymentLock(s3, bucket, NoBackgroundRenewal, _clock);

        await using var lease = await locks.AcquireAsync("people", "staging", Alice, CancellationToken.None);

        Assert.True(proxy.ReachedMoto($"PUT /{bucket}/locks/people/staging.json") >= 2, "the SDK resent the PUT");
        Assert.Null(lease.TookOverFrom);
        await lease.EnsureHeldAsync("creating a change set", CancellationToken.None);
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

    /// <summary>Reports synchronously, so a test sees each look as it happens (Progress&lt;T&gt; posts them later).</summary>
    private sealed class Reported(Action<LockWaitProgress> report) : IProgress<LockWaitProgress>
    {
        public void Report(LockWaitProgress value) => report(value);
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
