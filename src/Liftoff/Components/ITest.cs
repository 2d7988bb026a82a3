using Liftoff.Ci.GitHub;
using Liftoff.Engine;
using Liftoff.Testing;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Test</c>: builds the repository's .NET solution and runs its tests, then every selected
/// project's unit tests (the test command in project.yaml), and ends the build with the closing line
/// <c>tests: N passed, M failed, K skipped</c> that CI reads. Reads Solution.sln and projects/*/project.yaml.
/// </summary>
public interface ITest : ICompile
{
    /// <summary>The counts of every test runner in this build; the build's last line reports them.</summary>
    TestTally TestTally => Cached(() => new TestTally());

    Target Test => _ => _
        .Description("Builds the .NET solution and runs every test: the solution's and the deployed projects'")
        .DependsOn(Compile)
        .Executes(async ct =>
        {
            OnBuildFinished(console =>
            {
                console.WriteLine(TestTally.Counts.ToString());
                JobSummary.AppendLine(EnvironmentInfo.GetVariable("GITHUB_STEP_SUMMARY"), $"**{TestTally.Counts}**");
            });
            await new TestRun(RootDirectory, Console, TestTally).RunAsync(HasProjects ? ProjectBuilds : [], ct);
        });
}
