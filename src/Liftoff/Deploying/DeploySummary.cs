using Liftoff.Configuration;
using Spectre.Console;

namespace Liftoff.Deploying;

/// <summary>The table a Deploy ends with: one row per project, what happened and what is live now.</summary>
public static class DeploySummary
{
    public static Table Render(IReadOnlyList<ProjectEnvironment> projects, IReadOnlyList<ProjectDeployResult?> results, IReadOnlyList<Exception?> failures)
    {
        var table = new Table().Title("[bold]Deploy[/]").AddColumns("Project", "Env", "Result", "Stack", "Live versions", "Front end", "Release");
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            if (failures[i] is { } error)
            {
                table.AddRow(new Text(project.Project), new Text(project.Environment), new Markup("[red]failed[/]"),
                    new Text(error is Stacks.StackDeployException s ? s.FinalStatus : "-"), new Text("-"), new Text("-"), new Text("-"));
                continue;
            }
            var r = results[i]!;
            table.AddRow(
                new Text(r.Project),
                new Text(r.Environment),
                new Markup(r.Outcome switch
                {
                    ProjectDeployOutcome.UpToDate => "[green]up to date[/]",
                    ProjectDeployOutcome.DryRun => "[grey]dry run[/]",
                    _ => "[green]deployed[/]",
                }),
                new Text(r.Stack is null ? "-" : r.Stack.FinalStatus ?? r.Stack.Outcome.ToString()),
                new Text(Versions(r)),
                new Text(r.FrontEnd is null ? "-" : $"{r.FrontEnd.ChangedPaths.Count} changed, {r.FrontEnd.DeletedPaths.Count} deleted"),
                new Text(r.Release?.Id ?? "-"));
        }
        return table;
    }

    private static string Versions(ProjectDeployResult r) =>
        r.Release is { FunctionVersions.Count: > 0 } release
            ? string.Join(", ", release.FunctionVersions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}:{v.Value}"))
            : "-";
}
