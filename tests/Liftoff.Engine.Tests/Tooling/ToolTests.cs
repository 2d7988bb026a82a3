using Liftoff.Engine.Tests.Support;
using Liftoff.Engine.Tooling;
using Liftoff.Engine.Tools.DotNet;

namespace Liftoff.Engine.Tests.Tooling;

/// <summary>Tools run from targets: output relayed through the masker, a non-zero exit failing the target with the command line and its last lines.</summary>
public class ToolTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Token"), Secret] public string? Token { get; set; }
        [PathVariable("sh")] public Tool? Shell { get; set; }

        public Target Echo => _ => _.Executes(() => Shell!($"-c \"echo token={Token}; echo done\""));
        public Target Exit3 => _ => _.Executes(() => ProcessTasks.StartProcess("sh", "-c \"echo first line; echo last line; exit 3\"").AssertZeroExitCode());
        public Target Missing => _ => _.Executes(() => ProcessTasks.StartProcess("no-such-tool-here").AssertZeroExitCode());
        public Target Wrong => _ => _.Executes(() => DotNetTasks.DotNetRestore(_ => _.SetApiKey("key")));
        public Target Version => _ => _.Executes(() => Ran.Add(DotNetTasks.DotNet("--version", logOutput: false).StdToText()));
    }

    private static Dictionary<string, string> WithPath() => InProcess.Environment(("PATH", Environment.GetEnvironmentVariable("PATH")!));

    [Fact]
    public async Task Relayed_output_masks_secrets()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Echo --token s3cr3t-value-1234", WithPath());

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("token=*****", outcome.Output);
        Assert.DoesNotContain("s3cr3t-value-1234", outcome.Output);
        Assert.Contains("done", outcome.Lines);
    }

    [Fact]
    public async Task A_non_zero_exit_fails_the_target_with_the_command_line_and_its_last_lines()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Exit3", WithPath());

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("exited with code 3", outcome.Output);
        Assert.Contains("echo first line; echo last line; exit 3", outcome.Output);
        Assert.Contains("    last line", outcome.Lines);
        Assert.StartsWith("Failed", outcome.StatusOf("Exit3"));
    }

    [Theory]
    [InlineData("Missing", "Cannot run `no-such-tool-here`")] // a missing program
    [InlineData("Wrong", "dotnet restore takes no ApiKey")] // a setter the command does not take, refused by name
    public async Task A_command_that_cannot_run_fails_the_target_saying_why(string target, string message)
    {
        var outcome = await InProcess.RunAsync(new Build(), target, WithPath());

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Output);
    }

    [Fact]
    public async Task DotNet_runs_the_dotnet_CLI_and_returns_its_output()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Version", WithPath());

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", build.Ran.Single());
    }
}

/// <summary>NUKE's settings shapes turned into dotnet arguments.</summary>
public class DotNetSettingsTests
{
    [Fact]
    public void Build_settings_become_the_dotnet_build_command_line()
    {
        var settings = new DotNetBuildSettings()
            .SetProjectFile("App.sln").SetConfiguration("Release").SetFramework("net10.0").SetRuntime("linux-x64")
            .SetOutputDirectory("/out").SetVerbosity(DotNetVerbosity.Minimal).EnableNoRestore().SetVersion("1.2.3")
            .SetVersionSuffix("beta").SetProperty("Flag", true).SetProperty("List", "a;b");

        Assert.Equal(["build", "App.sln", "--configuration", "Release", "--framework", "net10.0", "--runtime", "linux-x64",
            "--output", "/out", "--verbosity", "minimal", "--no-restore", "--version-suffix", "beta",
            "-property:Flag=true", "-property:List=a%3Bb", "-property:Version=1.2.3"], settings.Arguments());
    }

    [Fact]
    public void Test_settings_take_loggers_and_a_results_directory()
    {
        var settings = new DotNetTestSettings().SetProjectFile("A.Tests.csproj").EnableNoBuild().SetLoggers("trx", "console").SetResultsDirectory("/r");

        Assert.Equal(["test", "A.Tests.csproj", "--no-build", "--logger", "trx", "--logger", "console", "--results-directory", "/r"], settings.Arguments());
    }

    [Fact]
    public void NuGet_push_puts_the_package_first()
    {
        var settings = new DotNetNuGetPushSettings().SetTargetPath("a.nupkg").SetSource("https://feed").SetApiKey("k");

        Assert.Equal(["nuget", "push", "a.nupkg", "--source", "https://feed", "--api-key", "k"], settings.Arguments());
    }

    [Fact]
    public void Setters_return_changed_copies_so_CombineWith_fans_out_from_one_base()
    {
        var common = new DotNetTestSettings().SetConfiguration("Release");

        var combined = common.CombineWith(["A", "B"], (_, p) => _.SetProjectFile(p)).ToList();

        Assert.Null(common.ProjectFile);
        Assert.Equal(["A", "B"], combined.Select(s => s.ProjectFile));
        Assert.All(combined, s => Assert.Equal("Release", s.Configuration));
    }

    [Fact]
    public void Every_option_a_command_can_refuse_is_named_as_the_setting_that_holds_it()
    {
        var options = Enum.GetValues<DotNetOption>().Where(o => o != DotNetOption.None).Select(o => o.ToString());

        Assert.All(options, name => Assert.NotNull(typeof(DotNetSettings).GetProperty(name)));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, null)]
    public void When_applies_a_change_only_when_the_condition_holds(bool condition, bool? noRestore)
    {
        Assert.Equal(noRestore, new DotNetBuildSettings().When(condition, _ => _.EnableNoRestore()).NoRestore);
    }
}
