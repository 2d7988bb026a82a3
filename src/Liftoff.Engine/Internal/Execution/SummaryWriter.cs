using Spectre.Console;

namespace Liftoff.Engine.Internal.Execution;

internal static class SummaryWriter
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TargetResult> results, TimeSpan total)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned());
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
            table.AddRow(Markup.Escape(result.Name), status + reason, Format(result.Duration));
        }
        table.AddEmptyRow();
        table.AddRow("[bold]Total[/]", "", $"[bold]{Format(total)}[/]");
        console.Write(table);

        var failed = results.Count(r => r.Status == TargetStatus.Failed);
        console.MarkupLine(failed == 0
            ? "[green]Build succeeded[/]"
            : $"[red]Build failed[/]: {string.Join(", ", results.Where(r => r.Status == TargetStatus.Failed).Select(r => Markup.Escape(r.Name)))}");
    }

    private static string Format(TimeSpan duration) =>
        duration == TimeSpan.Zero ? "" : duration.TotalMinutes >= 1 ? duration.ToString(@"m\:ss") : $"{duration.TotalSeconds:0.0} s";
}
