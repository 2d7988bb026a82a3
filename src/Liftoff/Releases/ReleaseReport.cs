using Spectre.Console;

namespace Liftoff.Releases;

/// <summary>The releases of one project in one environment, newest first.</summary>
public sealed record ReleaseHistory(string Project, string Environment, IReadOnlyList<Release> Releases);

/// <summary>What the Releases target prints: a table per project, or one JSON array for scripts.</summary>
public static class ReleaseReport
{
    public static async Task<IReadOnlyList<ReleaseHistory>> ReadAsync(
        IReadOnlyList<(string Project, string Environment, ReleaseLedger Ledger)> sources, int limit, CancellationToken cancellationToken)
    {
        var histories = new ReleaseHistory[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (project, environment, ledger) = sources[i];
                histories[i] = new ReleaseHistory(project, environment, await ledger.ListAsync(project, environment, limit, ct));
            });
        return histories;
    }

    public static void WriteTables(IAnsiConsole console, IReadOnlyList<ReleaseHistory> histories)
    {
        foreach (var h in histories)
            if (h.Releases.Count == 0)
                console.MarkupLineInterpolated($"[bold]{h.Project}[/] in [bold]{h.Environment}[/]: no releases yet.");
            else
                console.Write(ReleaseTable.Render(h.Project, h.Environment, h.Releases));
    }

    /// <summary>Every release of every history in one array, newest first: valid JSON and nothing else.</summary>
    public static Task WriteJsonAsync(TextWriter output, IReadOnlyList<ReleaseHistory> histories, CancellationToken cancellationToken) =>
        ReleaseJson.WriteAsync(output,
            histories.SelectMany(h => h.Releases).OrderByDescending(r => r.StartedAt).ToList(), cancellationToken);
}
