using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Cli;

/// <summary>0 when nothing failed, 1 when a target failed, 2 for bad usage (130 after Ctrl-C: see CancellationTests).</summary>
public class ExitCodeTests
{
    private sealed class Build : TestBuild
    {
        public Target Good => _ => _.Executes(Record());
        public Target Bad => _ => _.Executes(Fail("broken"));
        public Target Skippable => _ => _.DependsOn(Bad).Executes(Record());
    }

    [Theory]
    [InlineData("Good", 0)]
    [InlineData("Skippable --skip Bad", 0)]
    [InlineData("Bad", 1)]
    [InlineData("Good Bad", 1)]
    [InlineData("Skippable", 1)]
    [InlineData("Goood", 2)]
    [InlineData("Good --goood", 2)]
    [InlineData("Good --skip Baad", 2)]
    [InlineData("--help", 0)]
    [InlineData("Bad --plan", 0)]
    public async Task The_exit_code_says_how_the_run_ended(string arguments, int exitCode)
    {
        var outcome = await InProcess.RunAsync(new Build(), arguments);

        Assert.Equal(exitCode, outcome.ExitCode);
    }
}
