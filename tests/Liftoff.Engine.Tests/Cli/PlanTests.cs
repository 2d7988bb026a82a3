using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Cli;

public class PlanTests
{
    private sealed class Build : TestBuild
    {
        public Target Compile => _ => _.Executes(Record());
        public Target Package => _ => _.DependsOn(Compile).Executes(Record());
        public Target Upload => _ => _.DependsOn(Package).Executes(Record());
        public Target Deploy => _ => _.DependsOn(Upload).Triggers(SmokeTest).Executes(Record());
        public Target SmokeTest => _ => _.Executes(Record());
        public Target Report => _ => _.After(Deploy).Executes(Record());
    }

    [Fact]
    public async Task Prints_the_targets_in_the_order_they_would_run_and_runs_nothing()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Deploy Report --plan --skip Package");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(build.Ran);
        var steps = outcome.Lines.Where(l => l.StartsWith("  ") && char.IsDigit(l.Trim()[0])).Select(l => l.Trim()).ToArray();
        Assert.Equal(["1. Compile", "2. Package (skipped)", "3. Upload", "4. Deploy", "5. SmokeTest", "6. Report"], steps);
    }

    [Fact]
    public async Task Prints_the_graph_as_Mermaid()
    {
        var outcome = await InProcess.RunAsync(new Build(), "Deploy Report --plan");

        var start = outcome.Lines.ToList().IndexOf("```mermaid");
        var mermaid = outcome.Lines.Skip(start).TakeWhile(l => l != "```" || l == "```mermaid").ToArray();
        Assert.Equal("graph LR", mermaid[1]);
        Assert.Contains("  Compile --> Package", mermaid);
        Assert.Contains("  Upload --> Deploy", mermaid);
        Assert.Contains("  Deploy -. triggers .-> SmokeTest", mermaid);
        Assert.Contains("  Deploy -.-> Report", mermaid);
        Assert.Contains("```", outcome.Lines.Skip(start + 1));
    }

    [Fact]
    public async Task Does_not_check_requirements()
    {
        var outcome = await InProcess.RunAsync(new Needy(), "Deploy --plan");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("1. Deploy", outcome.Output);
    }

    private sealed class Needy : TestBuild
    {
        [Parameter] public string? Env { get; set; }
        public Target Deploy => _ => _.Requires(() => Env).Executes(Record());
    }
}
