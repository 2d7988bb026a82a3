using Liftoff.Deploying;
using Liftoff.Releases;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Reliability;

/// <summary>
/// README "What Liftoff guarantees": a real ./build.sh Deploy killed with SIGKILL (nothing cleaned up) while its alias is
/// between versions; the next run, told the holder is dead (--force-unlock, as the locked message advises for a process
/// gone from this machine), ends consistent: the alias on a recorded version, the site as recorded, no record in progress.
/// The other four kill points run in bench/reliability (each costs two full runs).
/// </summary>
public sealed class KillTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    [Fact]
    public async Task A_deploy_killed_during_the_traffic_shift_is_noticed_and_made_consistent_by_the_next_run()
    {
        await shop.NextVersionAsync();
        using var build = BuildProcess.Start(shop.Root, DeployPoint.DuringShift, "Deploy", "--env", "local", "--skip");
        await build.PausedAtAsync(DeployPoint.DuringShift);
        build.KillHard();
        await build.ExitCodeAsync();
        var split = (await shop.Clients.Lambda.GetAliasAsync(new() { FunctionName = shop.FunctionName, Name = "live" })).RoutingConfig;

        var refused = await shop.RunAsync("Deploy --env local --skip");
        var next = await shop.RunAsync("Deploy --env local --skip --force-unlock");

        Assert.NotEmpty(split!.AdditionalVersionWeights);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"Process {build.ProcessId} no longer runs on this machine", refused.Output);
        Assert.True(next.ExitCode == 0, next.Output);
        Assert.Contains("--force-unlock broke the live lease", next.Output);
        Assert.Contains("was interrupted and left in progress", next.Output);
        Assert.Contains("api: live serves", next.Output);
        await AssertConsistentAsync();
    }

    /// <summary>No record in progress; the alias serves the live release's version alone; the site holds what it recorded.</summary>
    private async Task AssertConsistentAsync()
    {
        var records = await shop.Ledger.ListAsync(ShopFixture.Project, "local", 50, default);
        Assert.DoesNotContain(records, r => r.Status == ReleaseStatus.InProgress);
        var live = records.First(r => r.Status == ReleaseStatus.Succeeded);
        var alias = await shop.Clients.Lambda.GetAliasAsync(new() { FunctionName = shop.FunctionName, Name = "live" });
        Assert.Equal(live.FunctionVersions["api"], alias.FunctionVersion);
        Assert.Empty(alias.RoutingConfig?.AdditionalVersionWeights ?? []);
        var site = await shop.Clients.S3.ListObjectsV2Async(new() { BucketName = "shop-local-s3-site" });
        Assert.Equal(live.Assets!.Files.Select(f => f.Path).Order(), site.S3Objects.Select(o => o.Key).Order());
        foreach (var file in live.Assets.Files)
        {
            var head = await shop.Clients.S3.GetObjectMetadataAsync("shop-local-s3-site", file.Path);
            Assert.Equal(file.Sha256Hex, head.Metadata["sha256"]);
        }
    }
}
