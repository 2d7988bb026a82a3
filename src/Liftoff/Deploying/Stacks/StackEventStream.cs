using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;

namespace Liftoff.Deploying.Stacks;

/// <summary>
/// The new events of one stack, oldest first. Events that existed before the execute are remembered by
/// id, so nothing is shown twice or missed whatever the clocks of this machine and AWS say; pages are
/// read newest first (DescribeStackEvents' order) only until a known event is reached.
/// </summary>
internal sealed class StackEventStream(IAmazonCloudFormation cloudFormation, string stack)
{
    // A stack's history can be long; never walk more of it than a deploy can have produced.
    private const int MaxPages = 20;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<StackEventRecord> _all = [];

    /// <summary>Every event read since <see cref="SkipExistingAsync"/>, oldest first.</summary>
    public IReadOnlyList<StackEventRecord> All => _all;

    /// <summary>Remembers the events already there (the newest page), so only what happens from now on is read.</summary>
    public async Task SkipExistingAsync(CancellationToken cancellationToken)
    {
        await foreach (var page in Pages().WithCancellation(cancellationToken))
        {
            foreach (var e in page.StackEvents ?? []) if (e.EventId is { } id) _seen.Add(id);
            break;
        }
    }

    public async Task<IReadOnlyList<StackEventRecord>> ReadNewAsync(CancellationToken cancellationToken)
    {
        var fresh = new List<StackEventRecord>();
        var pages = 0;
        await foreach (var page in Pages().WithCancellation(cancellationToken))
        {
            var reachedKnown = false;
            foreach (var e in page.StackEvents ?? [])
            {
                if (e.EventId is not { } id) continue;
                if (!_seen.Add(id)) { reachedKnown = true; break; }
                fresh.Add(ToRecord(e));
            }
            if (reachedKnown || ++pages == MaxPages) break;
        }
        // Pages come newest first; show them in the order they happened.
        fresh.Reverse();
        _all.AddRange(fresh);
        return fresh;
    }

    /// <summary>The failure that started it: the first failed resource not merely cancelled by another.</summary>
    public StackEventRecord? FirstFailure()
    {
        var failed = _all.Where(e => StackStatuses.IsFailedResourceStatus(e.Status)).ToList();
        return failed.FirstOrDefault(e => !StackStatuses.IsConsequentialFailure(e.Reason) && !IsStackItself(e))
            ?? failed.FirstOrDefault();
    }

    private IAsyncEnumerable<DescribeStackEventsResponse> Pages() =>
        cloudFormation.Paginators.DescribeStackEvents(new DescribeStackEventsRequest { StackName = stack }).Responses;

    private static bool IsStackItself(StackEventRecord e) => e.ResourceType == "AWS::CloudFormation::Stack";

    private static StackEventRecord ToRecord(StackEvent e) => new(
        e.EventId ?? "",
        e.Timestamp,
        e.LogicalResourceId ?? "",
        e.ResourceType ?? "",
        e.ResourceStatus?.ToString() ?? "",
        e.ResourceStatusReason);
}
