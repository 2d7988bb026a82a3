using Liftoff.Engine.CI;
using Liftoff.Engine.Tests.Support;
using Serilog;

namespace Liftoff.Engine.Tests.Cli;

/// <summary>The options NUKE users reach for: --root, --verbosity, --host, --no-logo, --continue, --partition, --profile.</summary>
public class EngineOptionTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Where to deploy")] public string Env { get; set; } = "default";
        [Partition(3)] public Partition Shard { get; set; } = Partition.Single;
        public static bool FailTest { get; set; }

        public Target Compile => _ => _.Executes(() =>
        {
            Record()();
            Log.Debug("debug line");
            Log.Information("info line");
            Log.Warning("warning line");
            Log.Error("error line");
        });
        public Target Test => _ => _.DependsOn(Compile).Executes(() =>
        {
            Record()();
            if (Env == "broken") throw new InvalidOperationException("tests failed");
        });
        public Target Where => _ => _.Executes(() => Ran.Add($"{RootDirectory}|{Host.Kind}|{IsServerBuild}"));
        public Target Split => _ => _.Executes(() => Ran.Add(string.Join(",", Shard.GetCurrent(Enumerable.Range(1, 8)))));
        public Target Show => _ => _.Executes(() => Ran.Add(Env));
    }

    [Theory]
    [InlineData("quiet", new[] { "error line" }, new[] { "warning line", "info line", "debug line" })]
    [InlineData("minimal", new[] { "error line", "warning line" }, new[] { "info line", "debug line" })]
    [InlineData("normal", new[] { "error line", "warning line", "info line" }, new[] { "debug line" })]
    [InlineData("Verbose", new[] { "error line", "warning line", "info line", "debug line" }, new string[0])]
    public async Task Verbosity_filters_the_log(string verbosity, string[] shown, string[] hidden)
    {
        var outcome = await InProcess.RunAsync(new Build(), $"Compile --verbosity {verbosity}");

        Assert.Equal(0, outcome.ExitCode);
        Assert.All(shown, line => Assert.Contains(line, outcome.Output));
        Assert.All(hidden, line => Assert.DoesNotContain(line, outcome.Output));
    }

    [Fact]
    public async Task On_GitHub_Actions_warnings_and_errors_become_annotations()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Compile", InProcess.Environment(("GITHUB_ACTIONS", "true")));

        Assert.Contains("::warning::warning line", outcome.Lines);
        Assert.Contains("::error::error line", outcome.Lines);
    }

    [Fact]
    public async Task Root_sets_the_root_directory()
    {
        using var other = new TestRoot();
        var build = new Build();

        await InProcess.RunAsync(build, $"Where --root {other.Path}");

        Assert.StartsWith(other.Path + "|", build.Ran.Single());
    }

    [Theory]
    [InlineData("GitHubActions", "GitHubActions|True")]
    [InlineData("github-actions", "GitHubActions|True")]
    [InlineData("CodeBuild", "CodeBuild|True")]
    [InlineData("Terminal", "Local|False")]
    public async Task Host_overrides_the_detected_host(string host, string expected)
    {
        var build = new Build();

        await InProcess.RunAsync(build, $"Where --host {host}");

        Assert.EndsWith(expected, build.Ran.Single());
    }

    [Fact]
    public async Task An_unknown_host_is_a_usage_error()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Where --host Jenkins");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Unknown host 'Jenkins'", outcome.Output);
    }

    [Fact]
    public async Task No_logo_is_accepted()
    {
        Assert.Equal(0, (await InProcess.RunAsync(new Build(), "Show --no-logo")).ExitCode);
    }

    [Theory]
    [InlineData("1/3", "1,2,3")]
    [InlineData("2/3", "4,5,6")]
    [InlineData("3/3", "7,8")]
    public async Task Partition_gives_each_part_its_share(string partition, string expected)
    {
        var build = new Build();

        await InProcess.RunAsync(build, $"Split --partition {partition}");

        Assert.Equal([expected], build.Ran);
    }

    [Theory]
    [InlineData("4/3")]
    [InlineData("two")]
    [InlineData("1/2")]
    public async Task A_partition_that_does_not_fit_is_a_usage_error(string partition)
    {
        Assert.Equal(2, (await InProcess.RunAsync(new Build(), $"Split --partition {partition}")).ExitCode);
    }

    [Fact]
    public async Task Continue_skips_the_targets_that_succeeded_in_the_last_failed_attempt()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", "{}");
        var first = await InProcess.RunAsync(new Build(), "Test --env broken", root: root);
        var build = new Build();

        var second = await InProcess.RunAsync(build, "Test --env broken --continue", root: root);

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(["Test"], build.Ran);
        Assert.Equal("Skipped (succeeded in the last attempt)", second.StatusOf("Compile"));
    }

    [Fact]
    public async Task Continue_with_other_arguments_starts_over()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", "{}");
        await InProcess.RunAsync(new Build(), "Test --env broken", root: root);
        var build = new Build();

        await InProcess.RunAsync(build, "Test --env fine --continue", root: root);

        Assert.Equal(["Compile", "Test"], build.Ran);
    }

    [Theory]
    [InlineData("--profile a b", "b")]
    [InlineData("--profile b a", "a")]
    [InlineData("--profile a+b", "b")]
    [InlineData("--profile a", "a")]
    public async Task Several_profiles_load_in_order_and_the_last_wins(string profiles, string expected)
    {
        using var root = new TestRoot()
            .Write(".nuke/parameters.json", """{ "Env": "base" }""")
            .Write(".nuke/parameters.a.json", """{ "Env": "a" }""")
            .Write(".nuke/parameters.b.json", """{ "Env": "b" }""");
        var build = new Build();

        await InProcess.RunAsync(build, $"Show {profiles}", root: root);

        Assert.Equal([expected], build.Ran);
    }

    [Fact]
    public async Task A_missing_profile_file_is_a_usage_error_naming_it()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Show --profile nope");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("parameters.nope.json", outcome.Output);
    }

    [Fact]
    public async Task The_Solution_key_NUKEs_setup_writes_is_accepted_without_a_Solution_member()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Solution": "App.sln" }""");

        var outcome = await InProcess.RunAsync(new Build(), "--help", root: root);

        Assert.Equal(0, outcome.ExitCode);
    }
}
