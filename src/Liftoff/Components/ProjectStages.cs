using Liftoff.Building;
using Liftoff.Configuration;
using Liftoff.Testing;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// What Compile and Test do for the deployed projects, called from their target bodies: build the
/// selected projects and lint their templates; run their unit tests into the build's test tally.
/// </summary>
public static class ProjectStages
{
    /// <summary>Loads and checks the configuration and the --project selection, so a mistake there fails in a moment.</summary>
    public static void Validate(IHazEnvironment build)
    {
        if (HasProjects(build)) _ = build.ProjectBuilds;
    }

    /// <summary>Builds every selected function into .nuke/temp/staging and each front end, then lints the templates.</summary>
    public static async Task<CompileReport?> CompileAsync(IHazEnvironment build, CancellationToken cancellationToken)
    {
        if (!HasProjects(build)) return null;
        var projects = build.ProjectBuilds;
        var output = new ConsoleLineWriter(build.Console);
        var report = await new ProjectCompiler(build.RootDirectory, output).CompileAsync(projects, cancellationToken);
        await new TemplateLinter(output, build.RootDirectory, new LintCache(build.RootDirectory))
            .LintAsync(projects.SelectMany(p => p.Templates).Distinct().ToList(), cancellationToken);

        var table = new Table().AddColumns("Project", "Function", "Files", "Staging", "Time");
        foreach (var function in report.Functions)
            table.AddRow(function.Project, function.Function, function.FileCount.ToString(),
                Markup.Escape(Path.GetRelativePath(build.RootDirectory, function.StagingDirectory)), $"{function.Duration.TotalSeconds:0.0} s");
        build.Console.Write(table);
        return report;
    }

    /// <summary>Runs the selected projects' unit tests and adds their counts to the tally; failures are counted, not thrown.</summary>
    public static async Task<ProjectTestReport?> TestAsync(IHazEnvironment build, TestTally tally, CancellationToken cancellationToken)
    {
        if (!HasProjects(build)) return null;
        var report = await new ProjectTestRunner(new ConsoleLineWriter(build.Console)).RunAsync(build.ProjectBuilds, cancellationToken);
        tally.Add(report.Counts);
        foreach (var failure in report.Failures)
            build.Console.MarkupLineInterpolated($"[red]{failure.Project}/{failure.Function}: `{failure.Command}` failed ({failure.Counts.Failed} failed)[/]");
        return report;
    }

    /// <summary>A repository without environments.yaml (a library of components only) has no projects to build.</summary>
    private static bool HasProjects(IHazEnvironment build) =>
        File.Exists(Path.Combine(build.RootDirectory, ConfigurationLoader.EnvironmentsFileName));
}
