using Liftoff.Building;
using Liftoff.Configuration;

namespace Liftoff.Testing;

/// <summary>One function's unit tests: how they ended and what they counted.</summary>
public sealed record FunctionTestResult(string Project, string Function, string Command, int ExitCode, TestCounts Counts)
{
    public bool Succeeded => ExitCode == 0 && Counts.Failed == 0;
}

/// <summary>Every selected function's unit tests.</summary>
public sealed record ProjectTestReport(IReadOnlyList<FunctionTestResult> Results)
{
    public TestCounts Counts => Results.Aggregate(TestCounts.Zero, (total, r) => total + r.Counts);
    public bool Succeeded => Results.All(r => r.Succeeded);
    public IEnumerable<FunctionTestResult> Failures => Results.Where(r => !r.Succeeded);
}

/// <summary>
/// Runs each function's test command (node --test, npm test, python3 -m unittest…) in its source folder,
/// projects in parallel, output streamed with the project's name, and counts the results from the
/// runners' own summaries. Failing tests are a result, not an exception: the Test target decides.
/// </summary>
public sealed class ProjectTestRunner
{
    private readonly ToolRunner _tools;
    private readonly NpmInstall _npm;

    public ProjectTestRunner(TextWriter output)
    {
        _tools = new ToolRunner(output);
        _npm = new NpmInstall(_tools);
    }

    public int MaxParallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 2);

    public async Task<ProjectTestReport> RunAsync(IReadOnlyList<ProjectBuild> projects, CancellationToken cancellationToken)
    {
        var results = new List<FunctionTestResult>();
        await Parallel.ForEachAsync(projects,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism, CancellationToken = cancellationToken },
            async (project, ct) =>
            {
                foreach (var function in project.Functions)
                {
                    var result = await RunAsync(project.Project, function, ct);
                    lock (results) results.Add(result);
                }
            });
        return new ProjectTestReport(results
            .OrderBy(r => r.Project, StringComparer.Ordinal).ThenBy(r => r.Function, StringComparer.Ordinal).ToList());
    }

    private async Task<FunctionTestResult> RunAsync(string project, FunctionBuild function, CancellationToken cancellationToken)
    {
        // Tests import the function's packages; cheap when Compile already installed them.
        if (function.Builder != FunctionBuilder.Python && File.Exists(Path.Combine(function.SourceDirectory, "package.json")))
            await _npm.EnsureAsync(project, function.SourceDirectory, cancellationToken);

        var run = await _tools.RunShellAsync(project, function.SourceDirectory, function.TestCommand, cancellationToken, throwOnFailure: false);
        var counts = TestOutputParser.Parse(run.Output);
        if (counts is null)
        {
            // Nothing to count: a crash before any test ran is one failure; a quiet success is none.
            _tools.Report(project, $"{function.Name}: `{function.TestCommand}` printed no test summary (exit code {run.ExitCode})");
            counts = run.Succeeded ? TestCounts.Zero : new TestCounts(0, 1, 0);
        }
        _tools.Report(project, $"{function.Name}: {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
        return new FunctionTestResult(project, function.Name, function.TestCommand, run.ExitCode, counts);
    }
}
