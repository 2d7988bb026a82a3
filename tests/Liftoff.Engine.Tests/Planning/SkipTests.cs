using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Planning;

public class SkipTests
{
    private sealed class Build : TestBuild
    {
        public Target Compile => _ => _.Executes(Record());
        public Target Package => _ => _.DependsOn(Compile).Executes(Record());
        public Target Upload => _ => _.DependsOn(Package).Triggers(Notify).Executes(Record());
        public Target Notify => _ => _.Executes(Record());
    }

    [Fact]
    public async Task A_bare_skip_runs_only_the_named_targets()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Upload --skip");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Upload"], build.Ran);
        Assert.Equal("Skipped (skipped)", outcome.StatusOf("Compile"));
        Assert.Equal("Skipped (skipped)", outcome.StatusOf("Notify"));
    }

    [Fact]
    public async Task A_named_skip_skips_only_that_target_and_the_rest_still_run()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Upload --skip Package");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Upload", "Notify"], build.Ran);
        Assert.StartsWith("Skipped", outcome.StatusOf("Package"));
    }

    [Fact]
    public async Task Several_targets_can_be_skipped_by_name()
    {
        var build = new Build();

        await InProcess.RunAsync(build, "Upload --skip Compile Notify");

        Assert.Equal(["Package", "Upload"], build.Ran);
    }

    [Fact]
    public async Task Skipping_a_target_that_is_not_planned_changes_nothing()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Package --skip Notify");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Package"], build.Ran);
    }

    [Fact]
    public async Task Skipping_an_unknown_target_is_a_usage_error_with_a_suggestion()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Upload --skip Pakage");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Unknown target 'Pakage'. Did you mean 'Package'?", outcome.Output);
        Assert.Empty(build.Ran);
    }
}
