namespace Liftoff.Configuration;

/// <summary>
/// How traffic moves to a new version: Steps weighted shifts (Percent, 2×Percent, …), each followed by
/// IntervalMinutes of watching the alarms, then 100%. Canary has one step; AllAtOnce none.
/// </summary>
public sealed record Rollout(RolloutStrategy Strategy, int Percent, int IntervalMinutes, int Steps)
{
    public static Rollout AllAtOnce { get; } = new(RolloutStrategy.AllAtOnce, 100, 0, 0);
}
