using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Parameters;

/// <summary>
/// What a .nuke/parameters*.json may hold besides parameters: "Target" and "Skip" act as on the command line
/// (as in NUKE), and any other key that is not a parameter stops the build instead of being ignored.
/// </summary>
public class ParameterFileKeyTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Where to deploy")] public string Env { get; set; } = "default";

        public Target Compile => _ => _.Executes(Record());
        public Target Test => _ => _.DependsOn(Compile).Executes(Record());
        public Target Deploy => _ => _.DependsOn(Compile).Executes(Record());
    }

    [Fact]
    public async Task A_misspelt_key_is_a_usage_error_naming_the_file_the_position_and_the_nearest_key()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", "{\n  \"Env\": \"dev\",\n  \"Evn\": \"prod\"\n}");
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Test", root: root);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(".nuke/parameters.json:3:3: unknown key \"Evn\". Did you mean \"Env\"?", outcome.Output);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task An_unknown_key_in_a_profile_file_is_reported_too()
    {
        using var root = new TestRoot()
            .Write(".nuke/parameters.json", "{}")
            .Write(".nuke/parameters.ci.json", """{ "$schema": "./build.schema.json", "Colour": "blue" }""");

        var outcome = await InProcess.RunAsync(new Build(), "Test --profile ci", root: root);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(".nuke/parameters.ci.json:1:37: unknown key \"Colour\". Remove it", outcome.Output);
    }

    [Fact]
    public async Task Target_in_the_file_runs_when_the_command_line_names_none()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Target": ["Deploy"] }""");
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "", root: root, defaultTargets: [build.Test]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Deploy"], build.Ran);
    }

    [Fact]
    public async Task A_target_on_the_command_line_wins_over_Target_in_the_file()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Target": "Deploy" }""");
        var build = new Build();

        await InProcess.RunAsync(build, "Test", root: root);

        Assert.Equal(["Compile", "Test"], build.Ran);
    }

    [Fact]
    public async Task Skip_in_the_file_skips_the_named_targets()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Skip": ["Compile"] }""");
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Test", root: root);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Test"], build.Ran);
    }

    [Fact]
    public async Task Skip_on_the_command_line_wins_over_Skip_in_the_file()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Skip": ["Compile"] }""");
        var build = new Build();

        await InProcess.RunAsync(build, "Test --skip", root: root);

        Assert.Equal(["Test"], build.Ran);
    }

    [Fact]
    public async Task An_unknown_target_in_Skip_is_a_usage_error()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Skip": ["Compiel"] }""");

        var outcome = await InProcess.RunAsync(new Build(), "Test", root: root);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Did you mean 'Compile'?", outcome.Output);
    }

    [Fact]
    public async Task Target_that_is_not_a_name_or_list_of_names_is_a_usage_error()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Target": 3 }""");

        var outcome = await InProcess.RunAsync(new Build(), "", root: root);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(".nuke/parameters.json:1:3: \"Target\" must be a target name or a list of them", outcome.Output);
    }
}
