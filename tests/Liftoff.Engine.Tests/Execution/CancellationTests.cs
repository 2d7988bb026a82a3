using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Execution;

public class CancellationTests
{
    private sealed class Build : TestBuild
    {
        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Target Compile => _ => _.Executes(Record());
        public Target Deploy => _ => _.DependsOn(Compile).Executes(async ct =>
        {
            Record()();
            Waiting.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        public Target Verify => _ => _.DependsOn(Deploy).Executes(Record());
        public Target Cleanup => _ => _.After(Deploy).AssuredAfterFailure().Executes(Record());
    }

    private static async Task<(BuildOutcome Outcome, Build Build)> CancelWhileDeployWaitsAsync(string commandLine)
    {
        var build = new Build();
        using var cancellation = new CancellationTokenSource();
        var run = InProcess.RunAsync(build, commandLine, cancellationToken: cancellation.Token);
        await build.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();
        return (await run.WaitAsync(TimeSpan.FromSeconds(30)), build);
    }

    [Fact]
    public async Task The_running_target_fails_as_cancelled_and_the_build_exits_130()
    {
        var (outcome, _) = await CancelWhileDeployWaitsAsync("Verify");

        Assert.Equal(130, outcome.ExitCode);
        Assert.Equal("Failed (cancelled)", outcome.StatusOf("Deploy"));
        Assert.Contains("Deploy failed: cancelled", outcome.Output);
    }

    [Fact]
    public async Task Later_targets_do_not_run_even_when_assured_and_the_summary_still_prints()
    {
        var (outcome, build) = await CancelWhileDeployWaitsAsync("Verify Cleanup");

        Assert.Equal(["Compile", "Deploy"], build.Ran);
        Assert.Equal("Succeeded", outcome.StatusOf("Compile"));
        Assert.StartsWith("NotRun", outcome.StatusOf("Verify"));
        Assert.StartsWith("NotRun", outcome.StatusOf("Cleanup"));
        Assert.Contains("Total", outcome.Output);
    }
}
