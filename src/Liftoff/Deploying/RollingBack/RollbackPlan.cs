using Liftoff.Configuration;
using Liftoff.Deploying.Cdn;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// Everything a rollback would change, read before anything changes: each alias, the stack's change set (created,
/// not executed; null when the stack is as recorded) and the site's files (null when the front end is as recorded).
/// </summary>
internal sealed record RollbackPlan(
    ProjectEnvironment Environment,
    Release Live,
    Release Target,
    IReadOnlyList<AliasChange> Aliases,
    StackRestorePlan? Stack,
    SitePublishPlan? Site)
{
    public bool ChangesAnything => Aliases.Any(a => a.Changes) || Stack?.ChangeSet.HasChanges == true || Site?.ChangesAnything == true;

    /// <summary>The site paths the rollback would write or delete: what the CDN invalidation then covers.</summary>
    public IReadOnlyList<string> SitePaths => Site is null ? [] : [.. Site.ToSend.Select(a => a.Path), .. Site.ToDelete];

    /// <summary>The plan as a table (alias by alias, the stack, the front end, the CDN), then the change set and any notes.</summary>
    public void Write(IAnsiConsole console, StackDeployer stacks)
    {
        var table = new Table()
            .Title($"[bold]Rollback of {Markup.Escape(Environment.Project)} in {Markup.Escape(Environment.Environment)}[/]: " +
                   $"{Markup.Escape(Describe(Live))} → {Markup.Escape(Describe(Target))}")
            .AddColumns("Part", "Now", "After rollback");
        foreach (var a in Aliases)
            table.AddRow(
                new Text($"{a.FunctionName}:{a.Alias}"),
                new Text((a.From ?? "(none)") + (a.HasRouting ? " (shifting)" : "")),
                Change(a.Changes, a.Owner != AliasOwner.Liftoff ? "moved by the template with the stack"
                    : a.VersionExists ? a.To : $"{a.To} is gone: published again from {Target.Id}'s artifact"));
        table.AddRow(new Text("stack"), new Text(Short(Live.TemplateSha256)),
            Change(Stack is not null, Stack is null ? "as recorded" : $"template {Short(Target.TemplateSha256)}, its parameters"));
        table.AddRow(new Text("front end"), new Text(Live.Assets is null ? "-" : $"{Live.Assets.Files.Count} file(s)"),
            Change(Site?.ChangesAnything == true, Site is null ? "as recorded" : $"{Site.ToSend.Count} file(s) put back, {Site.ToDelete.Count} deleted"));
        if (SitePaths.Count > 0)
            table.AddRow(new Text("CDN"), new Text("-"), Change(true,
                "invalidate " + string.Join(" ", InvalidationPaths.Plan(SitePaths, Target.Assets?.Files.Select(f => f.Path) ?? [],
                    Environment.InvalidationPathLimit).Paths.Take(8))));
        console.Write(table);
        if (Stack is not null) stacks.Show(Stack.ChangeSet);
        foreach (var note in Stack?.Notes ?? []) console.MarkupLine($"[yellow]{Markup.Escape(note)}[/]");
    }

    private static IRenderable Change(bool changes, string text) => changes ? new Markup($"[yellow]{Markup.Escape(text)}[/]") : new Text(text);

    private static string Describe(Release r) =>
        $"{r.Id} ({(r.Kind == ReleaseKind.Rollback ? $"rollback to {r.RestoredReleaseId}" : "deploy")}{(r.Git is { } g ? $", {g.ShortCommit}" : "")})";

    private static string Short(string? sha) => sha is null ? "-" : $"sha256 {sha[..Math.Min(12, sha.Length)]}";
}
