using Spectre.Console;

namespace Liftoff.Engine.Internal.Execution;

internal static class SummaryWriter
{
    /// <summary>The closing table; a target's ReportSummary lines go in a last column, shown when any target has some.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<TargetResult> results, TimeSpan total,
        Func<string, IReadOnlyDictionary<string, string>> summaries)
    {
        var withSummary = results.Any(r => summaries(r.Name).Count > 0);
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned());
        if (withSummary) table.AddColumn("Summary");
        foreach (var result in results)
        {
            var status = result.Status switch
            {
                TargetStatus.Succeeded => "[green]Succeeded[/]",
                TargetStatus.Failed => "[red]Failed[/]",
                TargetStatus.Skipped => "[grey]Skipped[/]",
                TargetStatus.NotRun => "[yellow]NotRun[/]",
                _ => "[grey]Collective[/]",
            };
            var reason = result.ShownReason is { } shown ? $" [grey]({Markup.Escape(shown)})[/]" : "";
            var cells = new List<string> { Markup.Escape(result.Name), status + reason, Format(result.Duration) };
            if (withSummary) cells.Add(Markup.Escape(string.Join(", ", summaries(result.Name).Select(p => $"{p.Key}: {p.Value}"))));
            table.AddRow(cells.ToArray());
        }
        table.AddEmptyRow();
        table.AddRow(withSummary ? ["[bold]Total[/]", "", $"[bold]{Format(total)}[/]", ""] : ["[bold]Total[/]", "", $"[bold]{Format(total)}[/]"]);
        console.Write(table);

        var failed = results.Count(r => r.Status == TargetStatus.Failed);
        console.MarkupLine(failed == 0
            ? "[green]Build succeeded[/]"
            : $"[red]Build failed[/]: {string.Join(", ", results.Where(r => r.Status == TargetStatus.Failed).Select(r => Markup.Escape(r.Name)))}");
    }

    private static string Format(TimeSpan duration) =>
        duration == TimeSpan.Zero ? "" : duration.TotalMinutes >= 1 ? duration.ToString(@"m\:ss") : $"{duration.TotalSeconds:0.0} s";
}
