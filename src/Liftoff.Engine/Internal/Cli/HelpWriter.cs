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

    public static void Write(IAnsiConsole console, TargetGraph graph, IReadOnlyList<TargetInfo> defaults,
        IReadOnlyList<ParameterDescriptor> parameters, ParameterValues values)
    {
        console.MarkupLine("[bold]Usage:[/] ./build.sh [[targets]] [[--parameter value ...]]");
        console.WriteLine();

        console.MarkupLine("[bold]Targets:[/]");
        WriteRows(console, graph.Targets.Where(t => !t.Definition.IsUnlisted).Select(target => new[]
        {
            defaults.Contains(target) ? new Cell($"[bold]{target.Name}[/] (default)", target.Name.Length + " (default)".Length) : Cell.Plain(target.Name, "bold"),
            Cell.Plain(Relations(target), "grey"),
            Cell.Plain(target.Description ?? ""),
        }).ToList());
        console.WriteLine();

        console.MarkupLine("[bold]Parameters[/] (also from LIFTOFF_<NAME> or NUKE_<NAME> environment variables and .nuke/parameters.json):");
        var rows = parameters.Select(parameter => new[]
        {
            Cell.Plain(parameter.CliName, "bold"),
            Cell.Plain(parameter.AllowedValues.Count > 0 ? string.Join(" | ", parameter.AllowedValues) : parameter.TypeName, "grey"),
            Cell.Plain(values.Describe(parameter)),
            Cell.Plain(parameter.Description ?? ""),
        }).ToList();
        rows.AddRange(CommandLine.EngineOptions.Select(option => new[] { Cell.Plain($"--{option.Name}", "bold"), Cell.Plain(""), Cell.Plain(""), Cell.Plain(option.Description) }));
        WriteRows(console, rows);
    }

    private static string Relations(TargetInfo target)
    {
        var relations = new List<string>();
        if (target.DependsOn.Count > 0) relations.Add("depends on " + string.Join(", ", target.DependsOn.Select(d => d.Name)));
        if (target.Triggers.Count > 0) relations.Add("triggers " + string.Join(", ", target.Triggers.Select(d => d.Name)));
        return string.Join("; ", relations);
    }

    private static void WriteRows(IAnsiConsole console, IReadOnlyList<Cell[]> rows)
    {
        if (rows.Count == 0) return;
        var columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns - 1).Select(column => rows.Max(row => row[column].Width)).ToArray();
        var indent = widths.Sum(width => width + Gap.Length);
        foreach (var row in rows)
        {
            var line = new System.Text.StringBuilder();
            for (var column = 0; column < columns - 1; column++)
                line.Append(row[column].Markup).Append(' ', widths[column] - row[column].Width).Append(Gap);
            var description = Wrap(Spectre.Console.Markup.Remove(row[^1].Markup), Math.Max(20, console.Profile.Width - indent - 1));
            line.Append(Spectre.Console.Markup.Escape(description[0]));
            console.MarkupLine(line.ToString().TrimEnd());
            foreach (var more in description.Skip(1)) console.MarkupLine(new string(' ', indent) + Spectre.Console.Markup.Escape(more));
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
