using Liftoff.Configuration;
using Spectre.Console;

namespace Liftoff.SmokeTesting;

/// <summary>
/// The SmokeTest step for the selected projects: independent projects are checked in parallel (bounded), each
/// printed as a table; a project that passes is left as it is whatever the others do. Throws
/// <see cref="SmokeTestFailedException"/> (a non-zero exit) when any project failed.
/// </summary>
public sealed class SmokeTestRun(Func<ProjectEnvironment, ProjectSmokeTest> testFor, IAnsiConsole console, int maxParallelProjects = 4)
{
    public async Task<IReadOnlyList<ProjectSmokeResult>> RunAsync(IReadOnlyList<ProjectEnvironment> projects, CancellationToken cancellationToken)
    {
        var results = new ProjectSmokeResult[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelProjects, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var project = projects[i];
                try
                {
                    results[i] = await testFor(project).RunAsync(project, token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    results[i] = new ProjectSmokeResult(project.Project, project.Environment) { Error = e.Message };
                }
            });

        foreach (var result in results) console.Write(SmokeTable.Render(result));
        var failed = results.Where(r => !r.Passed).ToList();
        if (failed.Count > 0) throw new SmokeTestFailedException(failed);
        return results;
    }
}

/// <summary>One or more projects failed their smoke checks (or could not be checked); each one's table says how.</summary>
public sealed class SmokeTestFailedException(IReadOnlyList<ProjectSmokeResult> failed)
    : Exception("SmokeTest failed for " + string.Join("; ", failed.Select(Describe)))
{
    public IReadOnlyList<ProjectSmokeResult> Failed { get; } = failed;

    private static string Describe(ProjectSmokeResult r) =>
        r.Error is not null ? $"{r.Project}: {r.Error}"
        : $"{r.Project}: check '{r.FailedCheck?.Name}' failed ({r.FailedCheck?.Failure})" +
          (r.Rollback is not null ? $", rolled back to {r.Rollback.RestoredReleaseId ?? "the previous release"}" : $", not rolled back: {r.NotRolledBack}");
}
