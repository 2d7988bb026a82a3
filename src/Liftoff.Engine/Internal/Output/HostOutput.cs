using Spectre.Console;

namespace Liftoff.Engine.Internal.Output;

/// <summary>
/// How each CI host wants target boundaries and failures marked in its log. A failure is said on <paramref name="errors"/>
/// (stderr); GitHub's workflow commands stay on stdout, where the runner reads them.
/// </summary>
internal sealed class HostOutput(IAnsiConsole console, IAnsiConsole errors, BuildHost host)
{
    public void TargetStarted(string name)
    {
        if (host.Kind == BuildHostKind.GitHubActions)
            console.Profile.Out.Writer.WriteLine($"::group::{name}");
        else
            console.Write(new Rule($"[bold]{Markup.Escape(name)}[/]").LeftJustified());
    }

    public void TargetFinished(string name)
    {
        if (host.Kind == BuildHostKind.GitHubActions)
            console.Profile.Out.Writer.WriteLine("::endgroup::");
    }

    public void TargetFailed(string name, string message)
    {
        if (host.Kind == BuildHostKind.GitHubActions)
        {
            // Workflow commands take one line: encode newlines as GitHub documents (%0A).
            var text = message.Replace("%", "%25").Replace("\r", "").Replace("\n", "%0A");
            console.Profile.Out.Writer.WriteLine($"::error title=Target {name} failed::{text}");
        }
        errors.MarkupLine($"[red]✗ {Markup.Escape(name)} failed:[/] {Markup.Escape(message)}");
    }
}
