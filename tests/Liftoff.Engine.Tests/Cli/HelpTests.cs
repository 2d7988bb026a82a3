using Liftoff.Engine.IO;
using Liftoff.Engine.Tests.Parameters;
using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Cli;

public class HelpTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Where to deploy")] public string? Env { get; set; }
        [Parameter("Attempts")] public int Retries { get; set; } = 3;
        [Parameter("How code rolls out")] public Rollout Strategy { get; set; } = Rollout.Canary;
        [Parameter("Projects to act on")] public string[] Project { get; set; } = [];
        [Parameter("Access token"), Secret] public string? Token { get; set; } = "default-token-value";
        [Parameter("Where artifacts go")] public AbsolutePath? Artifacts { get; set; }

        public Target Compile => _ => _.Description("Builds the solution").Executes(Record());
        public Target Deploy => _ => _.Description("Deploys the stacks").DependsOn(Compile).Triggers(Verify).Executes(Record());
        public Target Verify => _ => _.Description("Checks the release").Executes(Record());
        public Target Internal => _ => _.Unlisted().Executes(Record());
    }

    private static Task<BuildOutcome> HelpAsync(Build build, string arguments = "--help") =>
        InProcess.RunAsync(build, arguments, defaultTargets: [build.Compile]);

    private static string LineOf(BuildOutcome outcome, string start) =>
        outcome.Lines.FirstOrDefault(l => l.StartsWith(start, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line starts with '{start}' in:\n{outcome.Output}");

    [Fact]
    public async Task Exits_0_and_runs_nothing()
    {
        var build = new Build();

        var outcome = await HelpAsync(build);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("Deploy --help")]
    public async Task Is_shown_for_every_spelling(string arguments)
    {
        var outcome = await HelpAsync(new Build(), arguments);

        Assert.Contains("Targets:", outcome.Output);
    }

    [Fact]
    public async Task Lists_targets_with_descriptions_relations_and_the_default()
    {
        var outcome = await HelpAsync(new Build());

        Assert.Contains("Builds the solution", LineOf(outcome, "Compile (default)"));
        var deploy = LineOf(outcome, "Deploy");
        Assert.Contains("Deploys the stacks", deploy);
        Assert.Contains("depends on Compile; triggers Verify", deploy);
        Assert.Contains("Checks the release", LineOf(outcome, "Verify"));
    }

    [Fact]
    public async Task Hides_unlisted_targets()
    {
        var outcome = await HelpAsync(new Build());

        Assert.DoesNotContain(outcome.Lines, l => l.StartsWith("Internal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lists_parameters_with_type_description_and_current_value()
    {
        var outcome = await HelpAsync(new Build(), "--help --env staging");

        var env = LineOf(outcome, "--env");
        Assert.Contains("string", env);
        Assert.Contains("Where to deploy", env);
        Assert.Contains("= staging (the command line)", env);
        var retries = LineOf(outcome, "--retries");
        Assert.Contains("int", retries);
        Assert.Contains("= 3", retries);
        Assert.Contains("string[]", LineOf(outcome, "--project"));
    }

    [Fact]
    public async Task Shows_no_value_for_a_parameter_that_has_none()
    {
        var outcome = await HelpAsync(new Build());

        Assert.DoesNotContain("=", LineOf(outcome, "--env"));
        Assert.DoesNotContain("=", LineOf(outcome, "--artifacts"));
        Assert.Contains("path", LineOf(outcome, "--artifacts"));
    }

    [Fact]
    public async Task Lists_the_allowed_values_of_an_enum()
    {
        var outcome = await HelpAsync(new Build());

        var strategy = LineOf(outcome, "--strategy");
        Assert.Contains("all-at-once | canary | linear", strategy);
        Assert.Contains("= Canary", strategy);
    }

    [Fact]
    public async Task Masks_the_value_of_a_secret_even_its_default()
    {
        var outcome = await HelpAsync(new Build());

        Assert.DoesNotContain("default-token-value", outcome.Output);
        Assert.Contains($"= {SecretMasker.Mask}", LineOf(outcome, "--token"));
    }

    [Fact]
    public async Task Lists_the_engine_options()
    {
        var outcome = await HelpAsync(new Build());

        foreach (var option in new[] { "--help", "--plan", "--skip", "--profile", "--target", "--trace" })
            LineOf(outcome, option);
    }
}
