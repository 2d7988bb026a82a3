using Spectre.Console;

namespace Liftoff.Packaging;

/// <summary>What Package prints: one row per artifact and per front end.</summary>
public static class PackageReport
{
    /// <param name="changedFrontEnds">Projects whose asset manifest differs from the one recorded before.</param>
    public static void Write(IAnsiConsole console, IReadOnlyList<PackageResult> artifacts, IReadOnlyList<AssetManifest> frontEnds,
        IReadOnlySet<string> changedFrontEnds)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("artifact").AddColumn(new TableColumn("size").RightAligned()).AddColumn(new TableColumn("files").RightAligned())
            .AddColumn("sha256").AddColumn("status");
        foreach (var result in artifacts.OrderBy(r => r.Artifact.Project, StringComparer.Ordinal).ThenBy(r => r.Artifact.Function, StringComparer.Ordinal))
        {
            var a = result.Artifact;
            var status = result.Outcome == PackageOutcome.UpToDate
                ? "[grey]up to date[/]"
                : $"[green]packaged[/] [grey]({result.Elapsed.TotalSeconds:0.0} s)[/]";
            table.AddRow(Markup.Escape(a.Path), ByteSize.Format(a.Size), a.FileCount.ToString("N0"), a.Sha256Hex[..12], status);
        }
        foreach (var frontEnd in frontEnds.OrderBy(f => f.Project, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape($"{frontEnd.Project} front end ({frontEnd.SourceDirectory})"),
                ByteSize.Format(frontEnd.Assets.Sum(a => a.Size)), frontEnd.Assets.Count.ToString("N0"), "",
                changedFrontEnds.Contains(frontEnd.Project) ? "[green]listed[/]" : "[grey]up to date[/]");
        }
        console.Write(table);
        foreach (var warning in artifacts.SelectMany(r => r.Warnings))
            console.MarkupLine($"[yellow]warning: {Markup.Escape(warning)}[/]");
    }
}
