using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Output;

/// <summary>What stops a run is said on stderr (./build.sh gives the engine both streams); the rest stays on stdout.</summary>
public class ErrorStreamTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Where to deploy")] public string? Env { get; set; }
        public Target Good => _ => _.Executes(Record());
        public Target Bad => _ => _.Executes(Fail("the configuration has 1 error: environments.yaml:3:5: unknown key"));
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string commandLine) =>
        InProcess.RunWithStderrAsync(new Build(), commandLine);

    [Fact]
    public async Task A_failed_targets_message_goes_to_stderr_and_the_summary_to_stdout()
    {
        var (exitCode, output, error) = await RunAsync("Good Bad");

        Assert.Equal(1, exitCode);
        Assert.Contains("✗ Bad failed: the configuration has 1 error: environments.yaml:3:5: unknown key", error);
        Assert.DoesNotContain("unknown key", output);
        Assert.Contains("Build failed: Bad", output);
    }

    [Fact]
    public async Task A_usage_error_goes_to_stderr()
    {
        var (exitCode, output, error) = await RunAsync("Goood --env dev");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown target 'Goood'. Did you mean 'Good'?", error);
        Assert.DoesNotContain("Goood", output);
    }
}
