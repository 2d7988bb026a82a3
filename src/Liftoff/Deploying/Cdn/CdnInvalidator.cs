using Liftoff.Aws.CloudFront;
using Liftoff.Aws.CloudFront.Model;
using Liftoff.Aws.Requests;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Deploying.Cdn;

/// <summary>
/// Makes one CloudFront invalidation within CloudFront's limits: first the invalidations already in progress on the
/// distribution are read (ListInvalidations, then each one's paths), and while they leave no room for these paths
/// (3,000 file paths or 15 wildcard paths in progress) it waits, up to the time limit, then fails saying what is in
/// progress. With <see cref="CdnOptions.Wait"/> it then follows the invalidation until CloudFront completes it.
/// </summary>
public sealed class CdnInvalidator(IAmazonCloudFront cloudFront, IAnsiConsole console, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<ReleaseInvalidation> InvalidateAsync(
        string distributionId, InvalidationPathPlan plan, CdnOptions options, CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        var deadline = started + options.Limit;
        var created = await CreateWhenThereIsRoomAsync(distributionId, plan, deadline, cancellationToken);
        var id = created.Id ?? throw new CdnException($"CloudFront created an invalidation on {distributionId} but returned no id.");
        console.MarkupLine(
            $"{Markup.Escape(distributionId)}: invalidation {Markup.Escape(id)} of {plan.Paths.Count} path(s): {Markup.Escape(Shown(plan.Paths))}");
        var status = created.Status ?? "InProgress";
        if (options.Wait && !IsCompleted(status))
            status = await FollowAsync(distributionId, id, started, deadline, cancellationToken);
        return new ReleaseInvalidation(distributionId, id, plan.Paths, created.CreateTime is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : started, status);
    }

    /// <summary>AWS says "Completed"; moto says "COMPLETED".</summary>
    public static bool IsCompleted(string? status) => string.Equals(status, "Completed", StringComparison.OrdinalIgnoreCase);

    private async Task<Invalidation> CreateWhenThereIsRoomAsync(
        string distributionId, InvalidationPathPlan plan, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var backoff = PollingBackoff.ForInvalidation(_clock);
        var toldWaiting = false;
        while (true)
        {
            var busy = await InProgressAsync(distributionId, cancellationToken);
            if (busy.Files + plan.Files <= InvalidationPaths.MaxFilesInProgress
                && busy.Wildcards + plan.Wildcards <= InvalidationPaths.MaxWildcardsInProgress)
            {
                try
                {
                    return await CreateAsync(distributionId, plan, cancellationToken);
                }
                catch (TooManyInvalidationsInProgressException)
                {
                    // Another invalidation started between the count and this one: wait for room like above.
                }
            }
            if (_clock.GetUtcNow() >= deadline) throw NoRoom(distributionId, plan, busy, deadline);
            if (!toldWaiting)
                console.MarkupLine($"[yellow]{Markup.Escape(distributionId)}: {Markup.Escape(busy.Describe())} in progress; " +
                                   $"CloudFront allows {InvalidationPaths.MaxFilesInProgress:N0} file paths and " +
                                   $"{InvalidationPaths.MaxWildcardsInProgress} wildcard paths at once. Waiting for room.[/]");
            toldWaiting = true;
            await backoff.WaitAsync(cancellationToken);
        }
    }

    private async Task<Invalidation> CreateAsync(string distributionId, InvalidationPathPlan plan, CancellationToken cancellationToken)
    {
        var response = await cloudFront.CreateInvalidationAsync(new CreateInvalidationRequest
        {
            DistributionId = distributionId,
            InvalidationBatch = new InvalidationBatch
            {
                // Unique: CloudFront answers a repeated reference with the earlier invalidation.
                CallerReference = $"liftoff-{Guid.NewGuid():N}",
                Paths = new Paths { Quantity = plan.Paths.Count, Items = [.. plan.Paths] },
            },
        }, cancellationToken);
        return response.Invalidation ?? throw new CdnException($"CloudFront answered CreateInvalidation on {distributionId} without an invalidation.");
    }

    /// <summary>The paths of the invalidations in progress on the distribution.</summary>
    private async Task<PathsInProgress> InProgressAsync(string distributionId, CancellationToken cancellationToken)
    {
        var busy = new PathsInProgress(0, 0, 0);
        string? marker = null;
        do
        {
            var page = (await cloudFront.ListInvalidationsAsync(
                new ListInvalidationsRequest { DistributionId = distributionId, Marker = marker }, cancellationToken)).InvalidationList;
            var running = (page?.Items ?? []).Where(i => !IsCompleted(i.Status)).ToList();
            foreach (var summary in running)
            {
                var paths = (await cloudFront.GetInvalidationAsync(
                    new GetInvalidationRequest { DistributionId = distributionId, Id = summary.Id }, cancellationToken))
                    .Invalidation?.InvalidationBatch?.Paths?.Items ?? [];
                busy = busy.Add(paths);
            }
            // Pages run newest first, and invalidations finish in minutes: past a page with none running, none are.
            marker = page?.IsTruncated == true && running.Count > 0 ? page.NextMarker : null;
        } while (!string.IsNullOrEmpty(marker));
        return busy;
    }

    private async Task<string> FollowAsync(
        string distributionId, string id, DateTimeOffset started, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var backoff = PollingBackoff.ForInvalidation(_clock);
        while (true)
        {
            await backoff.WaitAsync(cancellationToken);
            var status = (await cloudFront.GetInvalidationAsync(
                new GetInvalidationRequest { DistributionId = distributionId, Id = id }, cancellationToken)).Invalidation?.Status;
            var elapsed = _clock.GetUtcNow() - started;
            if (IsCompleted(status))
            {
                console.MarkupLine($"[green]{Markup.Escape(id)}: completed after {Elapsed(elapsed)}[/]");
                return status!;
            }
            console.MarkupLine($"[grey]{Markup.Escape(id)}: {Markup.Escape(status ?? "no status")} after {Elapsed(elapsed)}[/]");
            if (_clock.GetUtcNow() >= deadline)
                throw new CdnException(
                    $"Invalidation {id} of distribution {distributionId} is still {status} after {Elapsed(elapsed)}, the --wait-minutes limit. " +
                    $"CloudFront carries on with it: follow it with `aws cloudfront get-invalidation --distribution-id {distributionId} --id {id}`, " +
                    "or wait longer next time with a larger --wait-minutes.");
        }
    }

    private CdnException NoRoom(string distributionId, InvalidationPathPlan plan, PathsInProgress busy, DateTimeOffset deadline) => new(
        $"Distribution {distributionId} still has {busy.Describe()} in progress, which leaves no room for {plan.Files} file path(s) and " +
        $"{plan.Wildcards} wildcard path(s): CloudFront allows {InvalidationPaths.MaxFilesInProgress:N0} file paths and " +
        $"{InvalidationPaths.MaxWildcardsInProgress} wildcard paths in progress per distribution. Waited until {deadline:HH:mm:ss} UTC. " +
        "Run InvalidateCdn again when they have completed (aws cloudfront list-invalidations), or raise --wait-minutes.");

    private static string Shown(IReadOnlyList<string> paths) =>
        paths.Count <= 10 ? string.Join(", ", paths) : $"{string.Join(", ", paths.Take(10))} and {paths.Count - 10} more";

    private static string Elapsed(TimeSpan t) => t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : $"{t.TotalSeconds:0} s";

    private sealed record PathsInProgress(int Batches, int Files, int Wildcards)
    {
        public PathsInProgress Add(IReadOnlyCollection<string> paths) =>
            new(Batches + 1, Files + paths.Count(p => !p.EndsWith('*')), Wildcards + paths.Count(p => p.EndsWith('*')));

        public string Describe() => $"{Batches} invalidation(s) with {Files} file path(s) and {Wildcards} wildcard path(s)";
    }
}
