using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Parameters;

/// <summary>
/// [Parameter(ValueProviderMember = ...)], NUKE's list of a parameter's values: a value outside it stops the run before any
/// target (exit 2), so `--env qa` never runs Compile and Package first.
/// </summary>
public class ValueProviderTests
{
    private sealed class Build : TestBuild, IHazRegion
    {
        [Parameter("Where to deploy", ValueProviderMember = nameof(Environments))]
        public string? Env { get; set; }

        [Parameter("Projects", ValueProviderMember = nameof(Projects))]
        public string[] Project { get; set; } = [];

        [Parameter("Broken list", ValueProviderMember = nameof(Unreadable))]
        public string? Table { get; set; }

        public IEnumerable<string> Environments => ["dev", "prod", "local"];
        public static IEnumerable<string> Projects() => ["shop", "people"];
        public IEnumerable<string> Unreadable => throw new InvalidOperationException("environments.yaml:3:1: broken");

        public Target Compile => _ => _.Executes(Record());
        public Target Deploy => _ => _.DependsOn(Compile).Executes(Record());
    }

    private interface IHazRegion : ILiftoffBuild
    {
        [Parameter("Region", ValueProviderMember = nameof(Regions))]
        string? Region => TryGetValue(() => Region);

        IEnumerable<string> Regions => ["us-east-1", "eu-west-1"];
    }

    private sealed class Misnamed : TestBuild
    {
        [Parameter("Where", ValueProviderMember = "Nowhere")] public string? Env { get; set; }
        public Target Compile => _ => _.Executes(Record());
    }

    [Fact]
    public async Task An_unknown_value_exits_2_before_any_target_runs_and_lists_the_values()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Deploy --env qa");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--env expects one of dev, prod, local, but the command line gives 'qa'.", outcome.Output);
        Assert.Empty(build.Ran);
    }

    [Theory]
    // Values match exactly, and a different case is pointed at the right one.
    [InlineData("Deploy --env LOCAL", "gives 'LOCAL'. Did you mean 'local'?")]
    // Each value of a list is checked, and a static method may provide them.
    [InlineData("Deploy --project shop,peple", "--project expects one of shop, people, but the command line gives 'peple'. Did you mean 'people'?")]
    // A component interface's parameter is checked against the interface's member.
    [InlineData("Deploy --region mars-1", "--region expects one of us-east-1, eu-west-1")]
    public async Task A_value_not_among_the_provided_ones_is_a_usage_error_naming_them(string commandLine, string message)
    {
        var outcome = await InProcess.RunAsync(new Build(), commandLine);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Output);
    }

    [Fact]
    public async Task A_known_value_runs()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Deploy --env local --project people shop --region eu-west-1");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Deploy"], build.Ran);
    }

    [Fact]
    public async Task A_value_from_the_environment_names_the_variable()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Deploy", InProcess.Environment(("LIFTOFF_ENV", "qa")));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("but the environment variable LIFTOFF_ENV gives 'qa'", outcome.Output);
    }

    [Fact]
    public async Task A_list_that_cannot_be_read_checks_nothing_and_leaves_the_error_to_the_targets()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Compile --table anything");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile"], build.Ran);
    }

    [Fact]
    public async Task A_provider_that_does_not_exist_is_a_mistake_in_the_build_definition()
    {
        var outcome = await InProcess.RunAsync(new Misnamed(), "Compile --env dev");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ValueProviderMember 'Nowhere'", outcome.Output);
    }
}
