using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying.Cdn;

/// <summary>
/// The InvalidateCdn step for every selected project with a front end: the live release's changed and deleted paths
/// (what Deploy or Rollback changed in the site) invalidated in the project's distribution, and the invalidation
/// recorded in that release. A release already invalidated is left alone unless forced; projects run in parallel.
/// </summary>
public sealed class InvalidateCdnRun(
    Func<ProjectEnvironment, AwsClients> clientsFor, IAnsiConsole console, TimeProvider? clock = null, int maxParallelProjects = 4)
{
    /// <param name="live">Live releases this run has already read (Deploy's, for the projects it found up to date): not read again.</param>
    public async Task<IReadOnlyList<ProjectInvalidation>> RunAsync(
        IReadOnlyList<ProjectEnvironment> projects, CdnOptions options, bool force, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, Release>? live = null)
    {
        var results = new ProjectInvalidation[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelProjects, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    results[i] = await InvalidateAsync(projects[i], options, force, live?.GetValueOrDefault(projects[i].Project), token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    results[i] = new ProjectInvalidation(projects[i].Project, null, null, e.Message, Failed: true);
                }
            });
        console.Write(Table(results));
        if (results.Where(r => r.Failed).ToList() is { Count: > 0 } failed)
            throw new CdnException($"InvalidateCdn failed for {string.Join(", ", failed.Select(f => f.Project))}: " +
                                   string.Join(" | ", failed.Select(f => f.Note)));
        return results;
    }

    private async Task<ProjectInvalidation> InvalidateAsync(
        ProjectEnvironment environment, CdnOptions options, bool force, Release? known, CancellationToken cancellationToken)
    {
        if (environment.FrontEnd is null) return new(environment.Project, null, null, "no front end");
        var clients = clientsFor(environment);
        var ledger = new ReleaseLedger(clients.S3, environment.ArtifactBucket, clock);
        var live = known ?? await ledger.LastSuccessfulAsync(environment.Project, environment.Environment, cancellationToken);
        if (live is null) return new(environment.Project, null, null, "no release yet: deploy first");
        if (live.Invalidation is { } done && !force)
            return new(environment.Project, live.Id, done, "invalidated already; --force invalidates again");

        var changed = live.ChangedPaths.Concat(live.DeletedPaths).ToList();
        var outcome = await new ProjectCdn(clients, console, clock).InvalidateAsync(
            environment, changed, live.Assets?.Files.Select(f => f.Path) ?? [], options, cancellationToken);
        if (outcome.Invalidation is not { } invalidation) return new(environment.Project, live.Id, null, outcome.Skip);
        await ledger.RecordInvalidationAsync(live, invalidation, cancellationToken);
        return new(environment.Project, live.Id, invalidation, null);
    }

    private static Table Table(IReadOnlyList<ProjectInvalidation> results)
    {
        var table = new Table().Title("[bold]InvalidateCdn[/]").AddColumns("Project", "Release", "Distribution", "Invalidation", "Paths", "Note");
        foreach (var r in results)
            table.AddRow(
                new Text(r.Project),
                new Text(r.ReleaseId ?? "-"),
                new Text(r.Invalidation?.DistributionId ?? "-"),
                new Text(r.Invalidation is { } i ? $"{i.Id} ({i.Status})" : "-"),
                new Text(r.Invalidation is { } p ? string.Join(" ", p.Paths.Take(5)) + (p.Paths.Count > 5 ? $" (+{p.Paths.Count - 5})" : "") : "-"),
                r.Failed ? new Markup($"[red]{Markup.Escape(r.Note ?? "")}[/]") : new Text(r.Note ?? ""));
        return table;
    }
}

/// <summary>What InvalidateCdn did for one project: the invalidation made (or found), or why none was.</summary>
public sealed record ProjectInvalidation(string Project, string? ReleaseId, ReleaseInvalidation? Invalidation, string? Note, bool Failed = false);
