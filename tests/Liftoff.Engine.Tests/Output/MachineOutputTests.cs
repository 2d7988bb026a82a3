using System.Text.Json;
using Liftoff.Engine.Tests.Support;
using Spectre.Console;

namespace Liftoff.Engine.Tests.Output;

/// <summary>
/// A [MachineOutput] parameter (--json) named on the command line keeps stdout for what targets write to
/// StandardOutput, so it can be piped to jq; the engine's own output (rules, summary, errors) goes to stderr.
/// </summary>
public sealed class MachineOutputTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Print JSON")]
        [MachineOutput]
        public bool Json { get; set; }

        public Target Report => _ => _.Executes(() =>
        {
            if (Json) StandardOutput.WriteLine("""{"releases":[]}""");
            else Console.WriteLine("a table for people");
        });
    }

    [Fact]
    public async Task With_json_stdout_holds_only_what_the_target_wrote()
    {
        var (exitCode, stdout, stderr) = await RunAsync("Report --json");

        Assert.Equal(0, exitCode);
        Assert.Equal("""{"releases":[]}""", stdout.Trim());
        Assert.Equal(0, JsonDocument.Parse(stdout).RootElement.GetProperty("releases").GetArrayLength());
        Assert.Contains("Report", stderr);
        Assert.Contains("Succeeded", stderr);
    }

    [Theory]
    [InlineData("Report")]
    [InlineData("Report --json false")]
    public async Task Without_json_the_build_writes_everything_on_stdout(string commandLine)
    {
        var (exitCode, stdout, stderr) = await RunAsync(commandLine);

        Assert.Equal(0, exitCode);
        Assert.Contains("a table for people", stdout);
        Assert.Contains("Succeeded", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task A_usage_error_with_json_goes_to_stderr_and_leaves_stdout_empty()
    {
        var (exitCode, stdout, stderr) = await RunAsync("Report --json --no-such-option");

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("Unknown parameter '--no-such-option'", stderr);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string commandLine) =>
        InProcess.RunWithStderrAsync(new Build(), commandLine);
}
