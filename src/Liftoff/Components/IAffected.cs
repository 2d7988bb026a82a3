using Liftoff.Ci.Affected;
using Liftoff.Engine;
using Spectre.Console;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Affected --base REF [--json]</c>: the projects whose inputs changed since REF (its merge base with
/// HEAD, to the working tree). A change to shared inputs (environments.yaml, the build) affects every project; so does
/// a base this clone does not have. The main workflow takes its deploy matrix from the JSON's projects.
/// </summary>
public interface IAffected : IHazEnvironment, IHazJson
{
    [Parameter("Affected: the git ref to compare with (a branch, tag or commit); without it every project is affected")]
    string? Base => TryGetValue(() => Base);

    Target Affected => _ => _
        .Description("Lists the projects whose inputs changed since --base (--json for CI)")
        .Executes(async ct =>
        {
            var report = await AffectedProjects.FindAsync(RootDirectory, Base, Configuration, ct);
            if (Json)
            {
                await StandardOutput.WriteLineAsync(report.ToJson());
                return;
            }
            if (report.Note is not null) Console.MarkupLine($"[yellow]{Markup.Escape(report.Note)}[/]");
            var table = new Table().AddColumns("Project", "Changed");
            foreach (var project in report.Projects)
                table.AddRow(Markup.Escape(project.Project), Markup.Escape(Summary(project.Reasons)));
            if (report.Projects.Count == 0) Console.MarkupLine($"No project changed since {Markup.Escape(Base ?? "")}.");
            else Console.Write(table);
            foreach (var removed in report.Removed)
                Console.MarkupLine($"[grey]{Markup.Escape(removed)}: removed from projects/ (its stacks stay until deleted by hand)[/]");
        });

    private static string Summary(IReadOnlyList<string> reasons) =>
        string.Join(", ", reasons.Take(3)) + (reasons.Count > 3 ? $" and {reasons.Count - 3} more" : "");
}
