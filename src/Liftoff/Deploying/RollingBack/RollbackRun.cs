using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying.RollingBack;

/// <summary>
/// The Rollback step for the selected projects: each goes back to its own previous release (or, for one project, the
/// release --to names), in parallel (bounded); a failed project does not stop the others. Ends with a summary table
/// and throws when any project failed, so the run exits non-zero.
/// </summary>
public sealed class RollbackRun(
    Func<ProjectEnvironment, AwsClients> clientsFor, IAnsiConsole console, ReleaseActor actor, int maxParallelProjects = 4, TimeProvider? clock = null)
{
    public async Task<IReadOnlyList<RollbackResult>> RunAsync(
        IReadOnlyList<ProjectEnvironment> projects, RollbackTarget target, string reason, RollbackOptions options, CancellationToken cancellationToken)
    {
        if (target.ReleaseId is not null && projects.Count != 1)
            throw new RollbackException(
                $"--to names one release of one project, but {projects.Count} projects are selected ({string.Join(", ", projects.Select(p => p.Project))}). " +
                "Name the project with --project. Nothing was changed.");
        var results = new RollbackResult?[projects.Count];
        var failures = new Exception?[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelProjects, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    results[i] = await new ReleaseRollback(clientsFor(projects[i]), console, actor, clock)
                        .RollBackAsync(projects[i], target, reason, options, token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    failures[i] = e;
                    console.MarkupLine($"[red]{Markup.Escape(projects[i].Project)}: {Markup.Escape(e.Message)}[/]");
                }
            });
        console.Write(Summary(projects, results, failures));
        if (failures.Any(f => f is not null))
            throw new DeployRunFailedException(
                projects.Where((_, i) => failures[i] is not null).Select(p => p.Project).ToList(),
                failures.OfType<Exception>().ToList(), "Rollback")
            {
                Succeeded = results.OfType<RollbackResult>().Select(r => r.ToDeployResult()).ToList(),
            };
        return results.Select(r => r!).ToList();
    }

    private static Table Summary(IReadOnlyList<ProjectEnvironment> projects, IReadOnlyList<RollbackResult?> results, IReadOnlyList<Exception?> failures)
    {
        var table = new Table().Title("[bold]Rollback[/]").AddColumns("Project", "Env", "Result", "Restored", "Live versions", "Front end", "CDN", "Release");
        for (var i = 0; i < projects.Count; i++)
        {
            if (results[i] is not { } r)
            {
                table.AddRow(new Text(projects[i].Project), new Text(projects[i].Environment), new Markup("[red]failed[/]"),
                    new Text("-"), new Text("-"), new Text("-"), new Text("-"), new Text("-"));
                continue;
            }
            table.AddRow(
                new Text(r.Project),
                new Text(r.Environment),
                new Markup(r.Outcome switch
                {
                    RollbackOutcome.DryRun => "[grey]dry run[/]",
                    RollbackOutcome.AlreadyLive => "[green]already live[/]",
                    _ => "[green]rolled back[/]",
                }),
                new Text(r.Target.Id),
                new Text(string.Join(", ", (r.Record ?? r.Target).FunctionVersions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}:{v.Value}"))),
                new Text(r.FrontEnd is { } f ? $"{f.ChangedPaths.Count} put back, {f.DeletedPaths.Count} deleted" : "-"),
                new Text(r.Cdn is { Invalidation: { } inv } ? inv.Id : r.Cdn?.Skip ?? "-"),
                new Text(r.Record?.Id ?? "-"));
        }
        return table;
    }
}
