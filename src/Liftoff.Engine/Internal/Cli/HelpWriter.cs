using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;
using Spectre.Console;

namespace Liftoff.Engine.Internal.Cli;

internal static class HelpWriter
{
    public static void Write(IAnsiConsole console, TargetGraph graph, IReadOnlyList<TargetInfo> defaults,
        IReadOnlyList<ParameterDescriptor> parameters, ParameterValues values)
    {
        console.MarkupLine("[bold]Usage:[/] ./build.sh [[targets]] [[--parameter value ...]]");
        console.WriteLine();

        var targets = new Table().Border(TableBorder.None).HideHeaders()
            .AddColumn("target").AddColumn("description").AddColumn("depends on");
        foreach (var target in graph.Targets.Where(t => !t.Definition.IsUnlisted))
        {
            var name = defaults.Contains(target) ? $"[bold]{target.Name}[/] (default)" : $"[bold]{target.Name}[/]";
            var relations = new List<string>();
            if (target.DependsOn.Count > 0) relations.Add("depends on " + string.Join(", ", target.DependsOn.Select(d => d.Name)));
            if (target.Triggers.Count > 0) relations.Add("triggers " + string.Join(", ", target.Triggers.Select(d => d.Name)));
            targets.AddRow(name, Markup.Escape(target.Description ?? ""), $"[grey]{Markup.Escape(string.Join("; ", relations))}[/]");
        }
        console.MarkupLine("[bold]Targets:[/]");
        console.Write(targets);
        console.WriteLine();

        var table = new Table().Border(TableBorder.None).HideHeaders()
            .AddColumn("name").AddColumn("type").AddColumn("description").AddColumn("value");
        foreach (var parameter in parameters)
        {
            var type = parameter.AllowedValues.Count > 0 ? string.Join(" | ", parameter.AllowedValues) : parameter.TypeName;
            table.AddRow(
                $"[bold]{parameter.CliName}[/]",
                $"[grey]{Markup.Escape(type)}[/]",
                Markup.Escape(parameter.Description ?? ""),
                Markup.Escape(values.Describe(parameter)));
        }
        foreach (var (name, description) in CommandLine.EngineOptions)
            table.AddRow($"[bold]--{name}[/]", "", Markup.Escape(description), "");
        console.MarkupLine("[bold]Parameters[/] (also from LIFTOFF_<NAME> or NUKE_<NAME> environment variables and .nuke/parameters.json):");
        console.Write(table);
    }
}
