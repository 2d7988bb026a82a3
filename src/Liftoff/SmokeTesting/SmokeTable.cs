using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Liftoff.SmokeTesting;

/// <summary>A project's smoke checks as a table: each check, how it went, and why it failed.</summary>
public static class SmokeTable
{
    public static IRenderable Render(ProjectSmokeResult result)
    {
        var title = $"[bold]{Markup.Escape(result.Project)}[/] in [bold]{Markup.Escape(result.Environment)}[/]" +
                    (result.Release is null ? "" : $", release {Markup.Escape(result.Release.Id)}");
        if (result.Error is not null) return new Markup($"{title}: [red]{Markup.Escape(result.Error)}[/]\n");
        if (result.Skipped is not null) return new Markup($"{title}: [grey]{Markup.Escape(result.Skipped)}[/]\n");

        var table = new Table().Title(title)
            .AddColumn("Check").AddColumn("Kind").AddColumn("Result").AddColumn(new TableColumn("Status").RightAligned())
            .AddColumn(new TableColumn("Latency").RightAligned()).AddColumn(new TableColumn("Tries").RightAligned()).AddColumn("Detail");
        foreach (var check in result.Test!.Checks)
            table.AddRow(
                Markup.Escape(check.Name),
                check.Kind,
                check.Passed ? "[green]passed[/]" : "[red]failed[/]",
                check.Status?.ToString(CultureInfo.InvariantCulture) ?? "-",
                $"{check.LatencyMs.ToString(CultureInfo.InvariantCulture)} ms",
                check.Attempts.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(check.Failure ?? ""));
        table.Caption(Markup.Escape(Caption(result)));
        return table;
    }

    private static string Caption(ProjectSmokeResult result)
    {
        var target = result.Target is null ? "" : $"http checks: {result.Target}. ";
        if (result.Test!.Passed) return target + "All checks passed.";
        if (result.Rollback is not null) return target + $"Rolled back: release {result.Rollback.Id} restored {result.Rollback.RestoredReleaseId ?? "the previous release"}.";
        return target + $"Not rolled back: {result.NotRolledBack}.";
    }
}
