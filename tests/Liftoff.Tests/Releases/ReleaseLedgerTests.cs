using System.Text.Json;
using Liftoff.Uploading;
using Liftoff.Releases;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Releases;

public sealed class ReleaseLedgerTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    private static readonly ReleaseActor Alice = new("alice", "laptop", 4242);
    private readonly AwsCli _aws = new(moto);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_started_release_is_recorded_in_progress_under_its_project_and_environment()
    {
        var (ledger, bucket) = await NewLedgerAsync();

        var release = await ledger.StartAsync(Draft() with
        {
            Git = new GitRevision("0123456789abcdef", "main"),
            Artifacts = [new ReleaseArtifact("api", new string('a', 64), $"people/api/{new string('a', 64)}.zip")],
            StackParameters = new Dictionary<string, string> { ["Environment"] = "staging" },
            TemplateSha256 = new string('t', 64),
        }, CancellationToken.None);

        Assert.StartsWith("20261123T103000Z-", release.Id);
        var json = await ReadBackAsync(bucket, $"releases/people/staging/{release.Id}.json");
        Assert.Equal("in-progress", json.GetProperty("status").GetString());
        Assert.Equal("deploy", json.GetProperty("kind").GetString());
        Assert.Equal("alice", json.GetProperty("actor").GetProperty("user").GetString());
        Assert.Equal("0123456789abcdef", json.GetProperty("git").GetProperty("commit").GetString());
        Assert.Equal("people/api/" + new string('a', 64) + ".zip", json.GetProperty("artifacts")[0].GetProperty("key").GetString());
        Assert.Equal("2026-11-23T10:30:00+00:00", json.GetProperty("startedAt").GetString());
        Assert.False(json.TryGetProperty("finishedAt", out _));
    }

    [Fact]
    public async Task A_completed_release_is_rewritten_with_its_outcome_and_the_start_is_kept_as_a_version()
    {
        var (ledger, bucket) = await NewLedgerAsync();
        var release = await ledger.StartAsync(Draft(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(42));

        await ledger.CompleteAsync(release
            .WithPhase("stack", release.StartedAt, release.StartedAt.AddSeconds(30))
            with { FunctionVersions = new Dictionary<string, string> { ["api"] = "7" }, ChangedPaths = ["/index.html"] },
            CancellationToken.None);

        var key = $"releases/people/staging/{release.Id}.json";
        var json = await ReadBackAsync(bucket, key);
        Assert.Equal("succeeded", json.GetProperty("status").GetString());
        Assert.Equal("7", json.GetProperty("functionVersions").GetProperty("api").GetString());
        Assert.Equal("/index.html", json.GetProperty("changedPaths")[0].GetString());
        Assert.Equal(30_000, json.GetProperty("phases")[0].GetProperty("durationMs").GetInt64());
        Assert.Equal("2026-11-23T10:30:42+00:00", json.GetProperty("finishedAt").GetString());
        var versions = await _aws.JsonAsync("s3api", "list-object-versions", "--bucket", bucket, "--prefix", key);
        Assert.Equal(2, versions.GetProperty("Versions").GetArrayLength());
    }

    [Fact]
    public async Task A_failed_release_records_the_error()
    {
        var (ledger, bucket) = await NewLedgerAsync();
        var release = await ledger.StartAsync(Draft(), CancellationToken.None);

        await ledger.FailAsync(release, new InvalidOperationException("Stack people-staging: UPDATE_ROLLBACK_COMPLETE"), CancellationToken.None);

        var json = await ReadBackAsync(bucket, $"releases/people/staging/{release.Id}.json");
        Assert.Equal("failed", json.GetProperty("status").GetString());
        Assert.Equal("Stack people-staging: UPDATE_ROLLBACK_COMPLETE", json.GetProperty("error").GetString());
        Assert.True(json.TryGetProperty("finishedAt", out _));
    }

    [Fact]
    public async Task Releases_are_listed_newest_first_per_project_and_environment()
    {
        var (ledger, _) = await NewLedgerAsync();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await ledger.CompleteAsync(await ledger.StartAsync(Draft(), CancellationToken.None), CancellationToken.None)).Id);
            _clock.Advance(TimeSpan.FromMinutes(5));
        }
        await ledger.StartAsync(Draft() with { Environment = "prod" }, CancellationToken.None);
        await ledger.StartAsync(Draft() with { Project = "cards" }, CancellationToken.None);

        var listed = await ledger.ListAsync("people", "staging", limit: 3, CancellationToken.None);

        Assert.Equal([ids[3], ids[2], ids[1]], listed.Select(r => r.Id));
        Assert.Empty(await ledger.ListAsync("people", "dev", limit: 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_last_successful_release_skips_failed_rolled_back_and_unfinished_ones()
    {
        var (ledger, _) = await NewLedgerAsync();
        Assert.Null(await ledger.LastSuccessfulAsync("people", "staging", CancellationToken.None));

        var first = await ledger.CompleteAsync(await ledger.StartAsync(Draft(), CancellationToken.None), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await ledger.CompleteAsync(await ledger.StartAsync(Draft(), CancellationToken.None), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var third = await ledger.CompleteAsync(await ledger.StartAsync(Draft(), CancellationToken.None), CancellationToken.None);
        await ledger.MarkRolledBackAsync(third, "alarm people-staging-errors went to ALARM", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await ledger.FailAsync(await ledger.StartAsync(Draft(), CancellationToken.None), "boom", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await ledger.StartAsync(Draft(), CancellationToken.None);

        var live = await ledger.LastSuccessfulAsync("people", "staging", CancellationToken.None);
        var before = await ledger.LastSuccessfulAsync("people", "staging", live, CancellationToken.None);

        Assert.Equal(second.Id, live?.Id);
        Assert.Equal(first.Id, before?.Id);
        Assert.Null(await ledger.LastSuccessfulAsync("people", "staging", first, CancellationToken.None));
    }

    [Fact]
    public async Task Releases_started_in_the_same_second_are_ordered_by_their_start_time()
    {
        var (ledger, _) = await NewLedgerAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await ledger.CompleteAsync(await ledger.StartAsync(Draft(), CancellationToken.None), CancellationToken.None)).Id);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var listed = await ledger.ListAsync("people", "staging", limit: 10, CancellationToken.None);
        // Fewer than were recorded in that second: the newest by start time, not the first ids in key order.
        var newest = await ledger.ListAsync("people", "staging", limit: 2, CancellationToken.None);

        Assert.Equal(Enumerable.Reverse(ids), listed.Select(r => r.Id));
        Assert.Equal([ids[4], ids[3]], newest.Select(r => r.Id));
        Assert.Equal(ids[4], (await ledger.LastSuccessfulAsync("people", "staging", CancellationToken.None))?.Id);
    }

    private async Task<(ReleaseLedger Ledger, string Bucket)> NewLedgerAsync()
    {
        var bucket = MotoS3.UniqueBucket("ledger");
        var s3 = MotoS3.Client(moto);
        await new ArtifactBucket(s3, bucket, moto.Region).EnsureAsync(CancellationToken.None);
        return (new ReleaseLedger(s3, bucket, _clock), bucket);
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

    private static Release Draft() => new()
    {
        Kind = ReleaseKind.Deploy,
        Project = "people",
        Environment = "staging",
        Actor = Alice,
    };
}
