using Liftoff.Configuration;
using Spectre.Console;

namespace Liftoff.Building;

/// <summary>
/// The whole of Compile: every selected function built into its staging folder and each front end built,
/// then every template linted, and the table that says what was staged.
/// </summary>
/// <param name="inCi">The build runs on a CI service (BuildHost.IsCi).</param>
/// <param name="force">Build everything, even what is as its last build left it (--force).</param>
public sealed class CompileRun(string rootDirectory, IAnsiConsole console, bool inCi = false, bool force = false)
{
    public async Task<CompileReport> RunAsync(IReadOnlyList<ProjectBuild> projects, CancellationToken cancellationToken)
    {
        var output = new ConsoleLineWriter(console);
        var report = await new ProjectCompiler(rootDirectory, output, inCi, force).CompileAsync(projects, cancellationToken);
        await new TemplateLinter(output, rootDirectory, new LintCache(rootDirectory))
            .LintAsync(projects.SelectMany(p => p.Templates).Distinct().ToList(), cancellationToken);
        console.Write(Table(report));
        return report;
    }

    private Table Table(CompileReport report)
    {
        var table = new Table().AddColumns("Project", "Function", "Files", "Staging", "Time");
        foreach (var function in report.Functions)
            table.AddRow(function.Project, function.Function, function.FileCount.ToString(),
                Markup.Escape(Path.GetRelativePath(rootDirectory, function.StagingDirectory)), $"{function.Duration.TotalSeconds:0.0} s");
        return table;
    }
}
