using Liftoff.Building;
using Liftoff.Configuration;
using Spectre.Console;

namespace Liftoff.Testing;

/// <summary>
/// The whole of Test: the repository's .NET solution built and tested, then the selected projects' unit
/// tests, every count added to the build's tally. Failing tests are counted and named, then fail the run.
/// </summary>
public sealed class TestRun(string rootDirectory, IAnsiConsole console, TestTally tally)
{
    public async Task RunAsync(IReadOnlyList<ProjectBuild> projects, CancellationToken cancellationToken)
    {
        var output = new ConsoleLineWriter(console);
        var solution = new DotNetSolution(rootDirectory);
        if (solution.Exists)
        {
            await solution.BuildAsync(cancellationToken);
            tally.Add(await solution.TestAsync(cancellationToken));
        }
        if (projects.Count > 0) await RunProjectTestsAsync(projects, output, cancellationToken);
        if (tally.Counts.Failed > 0)
            throw new InvalidOperationException($"{tally.Counts.Failed} test(s) failed; their names and messages are above.");
    }

    private async Task RunProjectTestsAsync(IReadOnlyList<ProjectBuild> projects, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await new ProjectTestRunner(output).RunAsync(projects, cancellationToken);
        tally.Add(report.Counts);
        foreach (var failure in report.Failures)
            console.MarkupLineInterpolated($"[red]{failure.Project}/{failure.Function}: `{failure.Command}` failed ({failure.Counts.Failed} failed)[/]");
    }
}
