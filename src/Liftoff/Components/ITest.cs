using Liftoff.Engine;
using Liftoff.Testing;
using Spectre.Console;

namespace Liftoff.Components;

public interface ITest : ICompile
{
    /// <summary>The counts of every test runner in this build; the build's last line reports them.</summary>
    TestTally TestTally => Cached(() => new TestTally());

    Target Test => _ => _
        .Description("Builds the .NET solution and runs every test: the solution's and the deployed projects'")
        .DependsOn(Compile)
        .Executes(async ct =>
        {
            OnBuildFinished(console => console.WriteLine(TestTally.Counts.ToString()));
            var solution = new DotNetSolution(RootDirectory, new ConsoleLineWriter(Console));
            if (solution.Exists)
            {
                await solution.BuildAsync(ct);
                TestTally.Add(await solution.TestAsync(ct));
            }
            await ProjectStages.TestAsync(this, TestTally, ct);
            if (TestTally.Counts.Failed > 0)
                throw new InvalidOperationException($"{TestTally.Counts.Failed} test(s) failed; their names and messages are above.");
        });
}
