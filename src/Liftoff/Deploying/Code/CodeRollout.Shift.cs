using Liftoff.Aws.CloudWatch;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Configuration;
using Spectre.Console;

namespace Liftoff.Deploying.Code;

public sealed partial class CodeRollout
{
    /// <summary>Moves the aliases through the strategy's shares, holding each while the alarms are watched.</summary>
    private async Task<IReadOnlyList<FunctionRolloutResult>> ShiftAsync(
        IReadOnlyList<PreparedFunction> functions, IReadOnlyList<double> weights, RolloutRequest request,
        IProgress<RolloutProgress>? progress, CancellationToken cancellationToken)
    {
        var alarms = Alarms(request);
        var names = functions.Select(f => f.Name).ToList();
        var shifted = false;
        try
        {
            // An alarm already firing says the service is unwell before any traffic moved: do not start.
            await StopOnAlarmAsync(alarms, 0, cancellationToken);
            foreach (var weight in weights)
            {
                shifted = true;
                foreach (var f in functions)
                    await PointAsync(f.Name, request.AliasName, f.Previous!, (f.Version, weight), cancellationToken);
                console.MarkupLine(
                    $"{Markup.Escape(string.Join(", ", names))}: {request.AliasName} {weight * 100:0.#}% on the new version " +
                    $"for {Rollout.Describe(request.Rollout.Interval)}{WatchNote(request)}");
                var end = _clock.GetUtcNow() + request.Rollout.Interval;
                progress?.Report(new(RolloutStage.Shifted, weight, names, request.Rollout.Interval));
                await HoldAsync(alarms, weight, end, cancellationToken);
            }
            foreach (var f in functions)
                await PointAsync(f.Name, request.AliasName, f.Version, null, cancellationToken);
            foreach (var f in functions)
                console.MarkupLine($"{Markup.Escape(f.Name)}: {request.AliasName} {f.Previous} → {f.Version}");
            return functions.Select(f => f.Result(AliasMove.Shifted)).ToList();
        }
        catch (Exception e) when (shifted || e is AlarmFiredException)
        {
            // Whatever stopped the shift (an alarm, Ctrl-C, an error), the previous version takes all traffic again.
            if (shifted)
                foreach (var f in functions)
                    await PointAsync(f.Name, request.AliasName, f.Previous!, null, CancellationToken.None);
            progress?.Report(new(RolloutStage.RolledBack, 0, names, TimeSpan.Zero));
            var result = new RolloutResult(functions.Select(f => f.Result(AliasMove.RolledBack)).ToList());
            var back = string.Join(", ", functions.Select(f => $"{f.Name} on {f.Previous}"));
            var where = shifted ? $"all traffic is back on the previous versions ({back})" : $"no traffic moved ({back})";
            console.MarkupLine($"[red]Rollout stopped: {Markup.Escape(where)}.[/]");
            if (e is OperationCanceledException) throw;
            throw new RolloutFailedException(
                e is AlarmFiredException alarm
                    ? $"{alarm.Message} The deploy failed: {where}. Look at the alarm's metric, fix the cause and deploy again."
                    : $"The rollout stopped ({e.Message}): {where}.",
                result, e);
        }
    }

    /// <summary>Waits until <paramref name="end"/> on the rollout clock, reading the alarms at every poll and once at the end.</summary>
    private async Task HoldAsync(AlarmWatch alarms, double weight, DateTimeOffset end, CancellationToken cancellationToken)
    {
        await StopOnAlarmAsync(alarms, weight, cancellationToken);
        do
        {
            var left = end - _clock.GetUtcNow();
            var wait = left < AlarmPollInterval ? left : AlarmPollInterval;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, cancellationToken);
            await StopOnAlarmAsync(alarms, weight, cancellationToken);
        } while (_clock.GetUtcNow() < end);
    }

    private static async Task StopOnAlarmAsync(AlarmWatch alarms, double weight, CancellationToken cancellationToken)
    {
        if (await alarms.FirstInAlarmAsync(cancellationToken) is { } alarm)
            throw new AlarmFiredException(alarm, weight);
    }

    private static string WatchNote(RolloutRequest request) =>
        request.Alarms.Count == 0 ? "" : $", watching {string.Join(", ", request.Alarms)}";

    private sealed class AlarmFiredException(MetricAlarm alarm, double weight) : Exception(
        $"Alarm {alarm.AlarmName} is in ALARM ({alarm.StateReason}) " +
        (weight > 0 ? $"with {weight * 100:0.#}% of traffic on the new version." : "before any traffic moved."));
}
