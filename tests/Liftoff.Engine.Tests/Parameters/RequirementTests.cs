using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Parameters;

public interface IHazRegion : ILiftoffBuild
{
    [Parameter("AWS region", Name = "Region")]
    string? AwsRegion => TryGetValue(() => AwsRegion);
}

public class RequirementTests
{
    private sealed class Build : TestBuild, IHazRegion
    {
        [Parameter("Where to deploy")] public string? Env { get; set; }
        [Parameter("Projects")] public string[] Project { get; set; } = [];
        public bool Approved { get; set; }

        public Target Compile => _ => _.Executes(Record());
        public Target Deploy => _ => _.DependsOn(Compile).Requires(() => Env).Executes(Record());
        public Target Release => _ => _.Requires(() => Project).Executes(Record());
        public Target Promote => _ => _.Requires(() => Approved).Executes(Record());
        public Target Announce => _ => _.DependsOn(Deploy).Executes(Record());
        public Target Locate => _ => _.Requires(() => ((IHazRegion)this).AwsRegion)
            .Executes(() => Ran.Add("Locate " + ((IHazRegion)this).AwsRegion));
    }

    [Fact]
    public async Task A_missing_required_parameter_exits_2_before_anything_runs()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Deploy");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task The_message_names_the_parameter_and_every_way_to_give_it()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Deploy");

        Assert.Contains("Target Deploy needs the parameter Env: give --env <value>, set LIFTOFF_ENV, or add \"Env\" to .nuke/parameters.json.",
            outcome.Output);
    }

    [Fact]
    public async Task A_given_parameter_meets_the_requirement()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Deploy", InProcess.Environment(("LIFTOFF_ENV", "dev")));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Deploy"], build.Ran);
    }

    [Fact]
    public async Task An_empty_array_does_not_meet_the_requirement()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Release");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--project", outcome.Output);
    }

    [Fact]
    public async Task A_false_condition_names_the_condition()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Promote");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Target Promote requires", outcome.Output);
        Assert.Contains("Approved", outcome.Output);
    }

    [Fact]
    public async Task A_requirement_of_a_skipped_target_is_not_checked()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Announce --skip Deploy");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Announce"], build.Ran);
    }

    [Fact]
    public async Task A_renamed_parameter_is_asked_for_by_its_given_name()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Locate");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("give --region <value>, set LIFTOFF_REGION, or add \"Region\"", outcome.Output);
    }

    [Fact]
    public async Task A_renamed_interface_parameter_gets_its_value()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Locate --region eu-west-1");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Locate eu-west-1"], build.Ran);
    }
}
