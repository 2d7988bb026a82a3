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

/// <summary>NUKE's documented --skip behaviour (https://nuke.build/docs/fundamentals/targets/, "skipping targets").</summary>
public class NukeSkipTests
{
    private sealed class Build : TestBuild
    {
        public Target Restore => _ => _.Executes(Record());
        public Target Compile => _ => _.DependsOn(Restore).Executes(Record());
        public Target Test => _ => _.DependsOn(Compile).Executes(Record());
        public Target Pack => _ => _.DependsOn(Compile).Executes(Record());
    }

    private static async Task<List<string>> RunAsync(string commandLine, bool withDefault = false)
    {
        var build = new Build();
        var outcome = await InProcess.RunAsync(build, commandLine, defaultTargets: withDefault ? [build.Test] : null);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return build.Ran;
    }

    [Theory]
    [InlineData("Test --skip Test", new[] { "Restore", "Compile", "Test" })]
    [InlineData("Test Pack --skip Pack Compile", new[] { "Restore", "Test", "Pack" })]
    [InlineData("Test --skip Restore", new[] { "Compile", "Test" })]
    [InlineData("Test --skip Restore+Compile", new[] { "Test" })]
    [InlineData("Test+Pack --skip", new[] { "Test", "Pack" })]
    [InlineData("--target Test Pack --skip", new[] { "Test", "Pack" })]
    public async Task A_target_named_on_the_command_line_is_never_skipped(string commandLine, string[] ran)
    {
        Assert.Equal(ran, await RunAsync(commandLine));
    }

    [Fact]
    public async Task A_bare_skip_with_no_target_named_skips_the_default_targets_dependencies()
    {
        Assert.Equal(["Test"], await RunAsync("--skip", withDefault: true));
    }

    [Fact]
    public async Task Skip_names_match_ignoring_case()
    {
        Assert.Equal(["Restore", "Test"], await RunAsync("test --skip COMPILE"));
    }
}
