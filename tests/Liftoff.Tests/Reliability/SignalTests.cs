using Liftoff.Deploying;
using Liftoff.Releases;

namespace Liftoff.Tests.Reliability;

/// <summary>
/// README "What Liftoff guarantees": a real ./build.sh Deploy sent SIGTERM (how CI cancels a job) at each of five points
/// exits 143, and its lock is already released when it has exited; its record says cancelled and what it left in flight.
/// </summary>
public sealed class SignalTests(ShopFixture shop) : IClassFixture<ShopFixture>
{
    [Theory]
    [InlineData(DeployPoint.AfterUpload)]
    [InlineData(DeployPoint.AfterChangeSet)]
    [InlineData(DeployPoint.DuringExecution)]
    [InlineData(DeployPoint.DuringShift)]
    [InlineData(DeployPoint.DuringFrontEnd)]
    public async Task SIGTERM_exits_143_with_the_lock_released_and_the_release_recorded_as_cancelled(DeployPoint point)
    {
        await shop.NextVersionAsync();
        using var build = BuildProcess.Start(shop.Root, point, "Deploy", "--env", "local", "--skip");
        await build.PausedAtAsync(point);
        var held = await shop.Lock.GetHolderAsync(ShopFixture.Project, "local", default);

        await build.TerminateAsync();
        var exitCode = await build.ExitCodeAsync();

        Assert.True(exitCode == 143, $"exit {exitCode}:\n{build.Output}");
        Assert.Equal(build.ProcessId, held?.Owner.ProcessId);
        Assert.Null(await shop.Lock.GetHolderAsync(ShopFixture.Project, "local", default));
        var record = (await shop.Ledger.ListAsync(ShopFixture.Project, "local", 1, default)).Single();
        Assert.Equal(ReleaseStatus.Cancelled, record.Status);
        Assert.StartsWith("Cancelled (Ctrl-C or SIGTERM)", record.Error);
        Assert.Contains("shop: cancelled; the lock is released", build.Output);
        foreach (var line in record.LeftInFlight) Assert.Contains(line, build.Output);
        // Where the stack update had put the new code on $LATEST, the record says live does not serve it yet.
        if (point is DeployPoint.DuringExecution or DeployPoint.DuringShift or DeployPoint.DuringFrontEnd)
            Assert.Contains(record.LeftInFlight, l => l.StartsWith("api: ", StringComparison.Ordinal));
        if (point == DeployPoint.DuringFrontEnd)
            Assert.Contains(record.LeftInFlight, l => l.StartsWith("front end: publishing stopped part way", StringComparison.Ordinal));
    }
}
