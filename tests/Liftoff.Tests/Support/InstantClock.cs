namespace Liftoff.Tests.Support;

/// <summary>
/// A clock on which every wait ends at once: a timer moves the clock forward by its due time and fires. Code that
/// polls with delays (backoff, deadlines) then runs through its whole schedule without the test waiting for it.
/// </summary>
public sealed class InstantClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock) _now += dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime;
        // Fired after CreateTimer returns, as a real timer would be: the caller has stored the timer by then.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
