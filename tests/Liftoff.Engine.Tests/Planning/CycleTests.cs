using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Planning;

public class CycleTests
{
    private sealed class TwoTargets : TestBuild
    {
        public Target A => _ => _.DependsOn(B).Executes(Record());
        public Target B => _ => _.DependsOn(A).Executes(Record());
    }

    private sealed class ThroughTriggerAndAfter : TestBuild
    {
        public Target Deploy => _ => _.DependsOn(Upload).Executes(Record());
        public Target Upload => _ => _.After(Verify).Executes(Record());
        public Target Verify => _ => _.TriggeredBy(Deploy).Executes(Record());
        public Target Unrelated => _ => _.Executes(Record());
    }

    [Fact]
    public async Task A_dependency_cycle_is_rejected_with_its_path_and_exit_code_2()
    {
        var build = new TwoTargets();

        var outcome = await InProcess.RunAsync(build, "A");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("A -> B -> A", outcome.Output);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task A_cycle_through_triggers_and_ordering_is_rejected_with_its_path()
    {
        var build = new ThroughTriggerAndAfter();

        var outcome = await InProcess.RunAsync(build, "Unrelated");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Deploy -> Upload -> Verify -> Deploy", outcome.Output);
        Assert.Empty(build.Ran);
    }
}
