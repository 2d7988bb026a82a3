using System.Globalization;

namespace Liftoff.Deploying.Locking;

/// <summary>
/// How long a run waits for a held lock (<c>--wait-for-lock</c>) before giving up, and who hears about the wait.
/// <see cref="Zero"/> fails at once.
/// </summary>
public sealed record LockWait(TimeSpan Limit, IProgress<LockWaitProgress>? Progress = null)
{
    public static LockWait Zero { get; } = new(TimeSpan.Zero);

    /// <summary>
    /// What the generated CI passes as --wait-for-lock: one lease, so a deploy queued behind another (a laptop, the other
    /// CI) waits for it, and one behind a run that died finds its lock free by then.
    /// </summary>
    public const string InCi = "15m";

    /// <summary>A span as people write it: 45s, 10m, 1h30m.</summary>
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):0}s");
        var text = span.Hours + span.Days * 24 > 0 ? $"{span.Hours + span.Days * 24}h" : "";
        if (span.Minutes > 0) text += $"{span.Minutes}m";
        if (span.Seconds > 0) text += $"{span.Seconds}s";
        return text;
    }
}

/// <summary>A run is waiting for <see cref="Holder"/>'s lock: for how long so far, and how much of the limit is left.</summary>
public sealed record LockWaitProgress(LockHolder Holder, TimeSpan Waited, TimeSpan Left);
