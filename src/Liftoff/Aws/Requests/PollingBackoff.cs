namespace Liftoff.Aws.Requests;

/// <summary>
/// Delays between polls of something AWS is working on: short at first (a local emulator answers at once),
/// growing to a ceiling (a real stack update takes minutes), and back to short after progress was seen.
/// </summary>
public sealed class PollingBackoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _ceiling;
    private readonly TimeProvider _time;
    private TimeSpan _next;

    public PollingBackoff(TimeSpan first, TimeSpan ceiling, TimeProvider? time = null)
    {
        _first = _next = first;
        _ceiling = ceiling;
        _time = time ?? TimeProvider.System;
    }

    public static PollingBackoff ForChangeSet(TimeProvider? time = null) => new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), time);
    public static PollingBackoff ForStackEvents(TimeProvider? time = null) => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), time);

    public TimeSpan Next => _next;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_next, _time, cancellationToken);
        _next = TimeSpan.FromTicks(Math.Min(_ceiling.Ticks, _next.Ticks * 2));
    }

    /// <summary>Progress was seen: poll soon again, since more is likely to follow.</summary>
    public void Reset() => _next = _first;
}
