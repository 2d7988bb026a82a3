using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Execution;

public class SummaryTests
{
    private sealed class Build : TestBuild
    {
        public Target Compile => _ => _.Executes(Record());
        public Target Docs => _ => _.OnlyWhenStatic(() => false).Executes(Record());
        public Target Test => _ => _.DependsOn(Compile).Executes(Record());
        public Target All => _ => _.DependsOn(Compile, Docs, Test);
        public Target Broken => _ => _.Executes(Fail("nope"));
        public Target AfterBroken => _ => _.DependsOn(Broken).Executes(Record());
    }

    [Fact]
    public async Task Every_planned_target_has_a_row_with_its_status()
    {
        var outcome = await InProcess.RunAsync(new Build(), "All");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("Succeeded", outcome.StatusOf("Compile"));
        Assert.StartsWith("Skipped", outcome.StatusOf("Docs"));
        Assert.Equal("Succeeded", outcome.StatusOf("Test"));
        Assert.Equal("Collective", outcome.StatusOf("All"));
        Assert.Contains("Build succeeded", outcome.Output);
    }

    [Fact]
    public async Task Rows_come_in_the_order_the_targets_ran_and_a_total_closes_the_table()
    {
        var outcome = await InProcess.RunAsync(new Build(), "All");

        var rows = outcome.Lines.Select(l => l.Trim().Split(' ')[0]).Where(w => w is "Compile" or "Docs" or "Test" or "All" or "Total").ToList();
        Assert.Equal(["Compile", "Docs", "Test", "All", "Total"], rows);
    }

    [Fact]
    public async Task A_failed_build_lists_Failed_and_NotRun_rows_and_says_which_failed()
    {
        var outcome = await InProcess.RunAsync(new Build(), "AfterBroken");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("Failed", outcome.StatusOf("Broken"));
        Assert.Equal("NotRun (Broken did not succeed)", outcome.StatusOf("AfterBroken"));
        Assert.Contains("Build failed: Broken", outcome.Output);
    }
}
