using Liftoff.Aws.CloudWatch;
using Liftoff.Aws.CloudWatch.Model;
using Spectre.Console;

namespace Liftoff.Deploying.Code;

/// <summary>The CloudWatch alarms watched during a traffic shift; any of them in ALARM stops the rollout.</summary>
internal sealed class AlarmWatch(IAmazonCloudWatch cloudWatch, IReadOnlyList<string> names, IAnsiConsole console)
{
    // DescribeAlarms takes at most 100 names per call.
    private const int NamesPerCall = 100;
    private bool _reportedMissing;

    public bool IsEmpty => names.Count == 0;

    /// <summary>The first watched alarm in ALARM, or null.</summary>
    public async Task<MetricAlarm?> FirstInAlarmAsync(CancellationToken cancellationToken)
    {
        if (names.Count == 0) return null;
        var found = new List<MetricAlarm>();
        foreach (var chunk in names.Chunk(NamesPerCall))
            await foreach (var alarm in cloudWatch.Paginators.DescribeAlarms(new DescribeAlarmsRequest { AlarmNames = chunk.ToList() })
                               .MetricAlarms.WithCancellation(cancellationToken))
                found.Add(alarm);
        ReportMissingOnce(found);
        return found.FirstOrDefault(a => a.StateValue?.ToString() == "ALARM");
    }

    private void ReportMissingOnce(List<MetricAlarm> found)
    {
        if (_reportedMissing) return;
        _reportedMissing = true;
        var missing = names.Except(found.Select(a => a.AlarmName ?? ""), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            console.MarkupLine($"[yellow]Alarms not found in CloudWatch, not watched: {Markup.Escape(string.Join(", ", missing))}. " +
                "Check the names under alarms in project.yaml.[/]");
    }
}
