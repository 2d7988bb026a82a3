using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;
using Spectre.Console;

namespace Liftoff.Engine.Internal.Cli;

/// <summary>
/// --help: the targets, then the parameters, each row's columns padded to the widest cell and the last (the description)
/// wrapped under itself. Aligned lines, not Spectre tables: laying a table out (measuring and wrapping every cell) was a
/// fifth of a warm --help (bench/startup).
/// </summary>
internal static class HelpWriter
{
    private const string Gap = "  ";

    /// <summary>One column of a row: its markup and the width of its plain text.</summary>
    private readonly record struct Cell(string Markup, int Width)
    {
        public static Cell Plain(string text, string? style = null) =>
            new(style is null || text.Length == 0 ? Spectre.Console.Markup.Escape(text) : $"[{style}]{Spectre.Console.Markup.Escape(text)}[/]", text.Length);
    }

    /// <summary>A row: the aligned columns, then the description, plain text wrapped under itself.</summary>
    private sealed record Row(Cell[] Columns, string Description);

    public static void Write(IAnsiConsole console, TargetGraph graph, IReadOnlyList<TargetInfo> defaults,
        IReadOnlyList<ParameterDescriptor> parameters, ParameterValues values)
    {
        console.MarkupLine("[bold]Usage:[/] ./build.sh [[targets]] [[--parameter value ...]]");
        console.WriteLine();

        console.MarkupLine("[bold]Targets:[/]");
        WriteRows(console, graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(target => new Row(
        [
            defaults.Contains(target) ? new Cell($"[bold]{target.Name}[/] (default)", target.Name.Length + " (default)".Length) : Cell.Plain(target.Name, "bold"),
            Cell.Plain(Relations(target), "grey"),
        ], target.Description ?? "")).ToList());
        console.WriteLine();

        console.MarkupLine("[bold]Parameters[/] (also from LIFTOFF_<NAME> or NUKE_<NAME> environment variables and .nuke/parameters.json):");
        var rows = parameters.Select(parameter => new Row(
        [
            Cell.Plain(parameter.CliName, "bold"),
            Cell.Plain(parameter.AllowedValues.Count > 0 ? string.Join(" | ", parameter.AllowedValues) : parameter.TypeName, "grey"),
            Cell.Plain(values.Describe(parameter)),
        ], parameter.Description ?? "")).ToList();
        rows.AddRange(CommandLine.EngineOptions.Select(option => new Row([Cell.Plain($"--{option.Name}", "bold"), Cell.Plain(""), Cell.Plain("")], option.Description)));
        WriteRows(console, rows);
    }

    private static string Relations(TargetInfo target)
    {
        var relations = new List<string>();
        if (target.DependsOn.Count > 0) relations.Add("depends on " + string.Join(", ", target.DependsOn.Select(d => d.Name)));
        if (target.Triggers.Count > 0) relations.Add("triggers " + string.Join(", ", target.Triggers.Select(d => d.Name)));
        return string.Join("; ", relations);
    }

    private static void WriteRows(IAnsiConsole console, IReadOnlyList<Row> rows)
    {
        if (rows.Count == 0) return;
        var widths = Enumerable.Range(0, rows[0].Columns.Length).Select(column => rows.Max(row => row.Columns[column].Width)).ToArray();
        var indent = widths.Sum(width => width + Gap.Length);
        foreach (var row in rows)
        {
            var line = new System.Text.StringBuilder();
            for (var column = 0; column < widths.Length; column++)
                line.Append(row.Columns[column].Markup).Append(' ', widths[column] - row.Columns[column].Width).Append(Gap);
            var description = Wrap(row.Description, Math.Max(20, console.Profile.Width - indent - 1));
            console.MarkupLine(line.Append(Markup.Escape(description[0])).ToString().TrimEnd());
            foreach (var more in description.Skip(1)) console.MarkupLine(new string(' ', indent) + Markup.Escape(more));
        }
    }

    /// <summary>The text in lines of at most <paramref name="width"/> characters, broken between words (a longer word stands alone).</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width) lines.Add("");
            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }
        return lines;
    }
}
