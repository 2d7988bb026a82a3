using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

/// <summary>How a change set and stack events look on the console.</summary>
public static class ChangeTable
{
    public static Table Build(ChangeSetPlan plan)
    {
        var table = new Table()
            .Title($"[bold]{Markup.Escape(plan.StackName)}[/] ({plan.Kind.ToString().ToLowerInvariant()})")
            .AddColumn("Action")
            .AddColumn("Logical id")
            .AddColumn("Type")
            .AddColumn("Replacement");
        foreach (var c in plan.Changes)
            table.AddRow(
                new Markup($"[{ActionColor(c.Action)}]{Markup.Escape(c.Action)}[/]"),
                new Text(c.LogicalId),
                new Text(c.ResourceType),
                new Markup(c.IsReplacement ? "[red]True[/]" : Markup.Escape(c.Replacement ?? "")));
        return table;
    }

    public static void Write(IAnsiConsole console, ChangeSetPlan plan)
    {
        if (!plan.HasChanges)
        {
            console.MarkupLine($"[green]{Markup.Escape(plan.StackName)}: no changes[/]{Note(plan)}");
            return;
        }
        if (plan.Changes.Count == 0)
        {
            console.MarkupLine($"{Markup.Escape(plan.StackName)}: no resource changes{Note(plan)}");
            return;
        }
        console.Write(Build(plan));
        if (plan.Note is not null) console.MarkupLine($"[grey]{Markup.Escape(plan.Note)}[/]");
    }

    public static void WriteEvent(IAnsiConsole console, string stackName, StackEventRecord e)
    {
        var time = e.Timestamp is { } t ? t.ToUniversalTime().ToString("HH:mm:ss") : "--:--:--";
        var reason = string.IsNullOrEmpty(e.Reason) ? "" : $"  [grey]{Markup.Escape(e.Reason)}[/]";
        console.MarkupLine(
            $"[grey]{time}[/] {Markup.Escape(stackName)}  {Markup.Escape(e.LogicalId)} [grey]{Markup.Escape(e.ResourceType)}[/] " +
            $"[{StatusColor(e.Status)}]{Markup.Escape(e.Status)}[/]{reason}");
    }

    private static string Note(ChangeSetPlan plan) => plan.Note is null ? "" : $" [grey]({Markup.Escape(plan.Note)})[/]";

    private static string ActionColor(string action) => action switch
    {
        "Add" => "green",
        "Remove" => "red",
        "Modify" => "yellow",
        _ => "default",
    };

    private static string StatusColor(string status) =>
        status.EndsWith("_FAILED", StringComparison.Ordinal) || status.Contains("ROLLBACK", StringComparison.Ordinal) ? "red"
        : status.EndsWith("_COMPLETE", StringComparison.Ordinal) ? "green"
        : "yellow";
}
