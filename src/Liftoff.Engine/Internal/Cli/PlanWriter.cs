using Liftoff.Engine.Internal.Planning;
using Spectre.Console;

namespace Liftoff.Engine.Internal.Cli;

/// <summary>The plan as an ordered list and as a Mermaid graph (paste into any Markdown that renders Mermaid).</summary>
internal static class PlanWriter
{
    public static void Write(IAnsiConsole console, ExecutionPlan plan)
    {
        console.MarkupLine("[bold]Execution plan:[/]");
        var position = 1;
        foreach (var target in plan.Targets)
        {
            var note = plan.Skipped.Contains(target) ? " [grey](skipped)[/]" : "";
            console.MarkupLine($"  {position++}. {Markup.Escape(target.Name)}{note}");
        }
        console.WriteLine();
        console.WriteLine(Mermaid(plan));
    }

    public static string Mermaid(ExecutionPlan plan)
    {
        var planned = plan.Targets.ToHashSet();
        var lines = new List<string> { "```mermaid", "graph LR" };
        foreach (var target in plan.Targets)
        {
            lines.Add($"  {target.Name}");
            lines.AddRange(target.DependsOn.Where(planned.Contains).Select(d => $"  {d.Name} --> {target.Name}"));
            lines.AddRange(target.Triggers.Where(planned.Contains).Select(t => $"  {target.Name} -. triggers .-> {t.Name}"));
            lines.AddRange(target.After.Where(planned.Contains).Select(a => $"  {a.Name} -.-> {target.Name}"));
        }
        lines.Add("```");
        return string.Join(Environment.NewLine, lines);
    }
}
