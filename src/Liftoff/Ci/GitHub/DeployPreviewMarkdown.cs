using System.Text;
using Liftoff.Deploying;
using Liftoff.Deploying.Stacks;

namespace Liftoff.Ci.GitHub;

/// <summary>The deploy preview as GitHub-flavoured Markdown: a line per project, then each change set as a table.</summary>
public static class DeployPreviewMarkdown
{
    public static string Render(string environment, GitHubContext github, IReadOnlyList<ProjectDeployResult> results, IReadOnlyDictionary<string, string> failures)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Deploy preview: {environment}");
        text.AppendLine();
        var source = github.Sha is null ? "" : $"Commit {github.Sha[..Math.Min(7, github.Sha.Length)]}";
        if (github.RunUrl is not null) source += (source.Length > 0 ? " · " : "") + $"[run]({github.RunUrl})";
        if (source.Length > 0) text.AppendLine(source).AppendLine();
        text.AppendLine("| Project | Preview |").AppendLine("| --- | --- |");
        foreach (var result in results.OrderBy(r => r.Project, StringComparer.Ordinal))
            text.AppendLine($"| {Cell(result.Project)} | {Cell(Outcome(result))} |");
        foreach (var (project, error) in failures.OrderBy(f => f.Key, StringComparer.Ordinal))
            text.AppendLine($"| {Cell(project)} | failed: {Cell(error)} |");

        foreach (var result in results.OrderBy(r => r.Project, StringComparer.Ordinal).Where(r => r.Stack is { Changes.Count: > 0 }))
        {
            text.AppendLine().AppendLine($"<details open><summary>{Html(result.Stack!.StackName)}: {result.Stack.Changes.Count} change(s)</summary>").AppendLine();
            text.AppendLine("| Action | Logical id | Type | Replacement |").AppendLine("| --- | --- | --- | --- |");
            foreach (var change in result.Stack.Changes)
                text.AppendLine($"| {Cell(change.Action)} | {Cell(change.LogicalId)} | {Cell(change.ResourceType)} | {Cell(change.IsReplacement ? "**True**" : change.Replacement ?? "")} |");
            text.AppendLine().AppendLine("</details>");
        }
        text.AppendLine().AppendLine("Nothing was changed: `./build.sh Deploy --dry-run` created these change sets and deleted them.");
        return text.ToString();
    }

    private static string Outcome(ProjectDeployResult result) => result.Outcome switch
    {
        ProjectDeployOutcome.UpToDate => "up to date",
        _ when result.Stack is null => string.Join(", ", result.Reasons),
        _ when result.Stack.Outcome == StackDeployOutcome.Unchanged => "stack unchanged, no change set" + (result.Reasons.Count > 0 ? $" ({string.Join(", ", result.Reasons)})" : ""),
        _ when result.Stack.Changes.Count == 0 => "no resource changes" + (result.Reasons.Count > 0 ? $" ({string.Join(", ", result.Reasons)})" : ""),
        _ => $"{result.Stack.Changes.Count} change(s) to {result.Stack.StackName}",
    };

    private static string Cell(string text) => Html(text).Replace("|", "\\|").ReplaceLineEndings(" ");

    private static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
