using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Liftoff.Releases;

/// <summary>The releases of one project in one environment as a table, newest first.</summary>
public static class ReleaseTable
{
    public static IRenderable Render(string project, string environment, IReadOnlyList<Release> releases)
    {
        var table = new Table()
            .Title($"[bold]{Markup.Escape(project)}[/] in [bold]{Markup.Escape(environment)}[/]")
            .AddColumn("Release")
            .AddColumn("Kind")
            .AddColumn("Status")
            .AddColumn("Commit")
            .AddColumn("Branch")
            .AddColumn("By")
            .AddColumn("Started (UTC)")
            .AddColumn(new TableColumn("Took").RightAligned())
            .AddColumn("Versions")
            .AddColumn("Smoke")
            .AddColumn("Error");
        if (releases.Count == 0)
            table.Caption("no releases yet");

        foreach (var r in releases)
            table.AddRow(
                Markup.Escape(r.Id),
                r.Kind == ReleaseKind.Rollback && r.RestoredReleaseId is not null
                    ? $"rollback → {Markup.Escape(r.RestoredReleaseId)}"
                    : Kind(r.Kind),
                Status(r.Status),
                r.Git is null ? "[grey]-[/]" : Markup.Escape(r.Git.ShortCommit + (r.Git.Dirty ? "*" : "")),
                Markup.Escape(r.Git?.Branch ?? "-"),
                r.Actor.CiRunUrl is null
                    ? Markup.Escape(r.Actor.Display)
                    : $"[link={Markup.Escape(r.Actor.CiRunUrl)}]{Markup.Escape(r.Actor.Display)}[/]",
                r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.Duration is { } d ? $"{d.TotalSeconds:0.0} s" : "-",
                Markup.Escape(string.Join(' ', r.FunctionVersions.OrderBy(v => v.Key).Select(v => $"{v.Key}:{v.Value}"))),
                Smoke(r.SmokeTest),
                Markup.Escape(Shorten(r.Error)));
        return table;
    }

    public static string Kind(ReleaseKind kind) => kind == ReleaseKind.Deploy ? "deploy" : "rollback";

    private static string Status(ReleaseStatus status) => status switch
    {
        ReleaseStatus.Succeeded => "[green]succeeded[/]",
        ReleaseStatus.Failed => "[red]failed[/]",
        ReleaseStatus.RolledBack => "[yellow]rolled-back[/]",
        _ => "[blue]in-progress[/]",
    };

    private static string Smoke(ReleaseSmokeTest? smoke) => smoke is null
        ? "[grey]-[/]"
        : $"{(smoke.Passed ? "[green]passed[/]" : "[red]failed[/]")} {smoke.Checks.Count(c => c.Passed)}/{smoke.Checks.Count}";

    private static string Shorten(string? error) =>
        error is null ? "" : error.Length <= 80 ? error : error[..77] + "...";
}
