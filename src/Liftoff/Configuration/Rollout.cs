namespace Liftoff.Configuration;

/// <summary>
/// How traffic moves to a new version: <see cref="Steps"/> weighted shifts (Percent, 2×Percent, …), each
/// followed by <see cref="IntervalMinutes"/> of watching the alarms, then 100%. Canary has one step; AllAtOnce
/// none; linear as many as stay below 100% (<see cref="LinearSteps"/>). The one model of a rollout: read from
/// the configuration, carried by the deploy's rollout request, shown in plans.
/// </summary>
public sealed record Rollout(RolloutStrategy Strategy, int Percent, int IntervalMinutes, int Steps)
{
    public static Rollout AllAtOnce { get; } = new(RolloutStrategy.AllAtOnce, 100, 0, 0);

    public static Rollout Canary(int percent, int intervalMinutes) => new(RolloutStrategy.Canary, percent, intervalMinutes, 1);

    public static Rollout Linear(int percent, int intervalMinutes) =>
        new(RolloutStrategy.Linear, percent, intervalMinutes, LinearSteps(percent));

    /// <summary>The one rule for a linear rollout's shifts: Percent, 2×Percent, … for as long as they stay below 100%.</summary>
    public static int LinearSteps(int percent) => percent is > 0 and < 100 ? (100 - 1) / percent : 0;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);

    /// <summary>The shares of traffic the new version gets before it gets all of it, each held for <see cref="Interval"/>.</summary>
    public IReadOnlyList<double> IntermediateWeights()
    {
        if (Strategy == RolloutStrategy.AllAtOnce) return [];
        if (Percent is <= 0 or >= 100)
            throw new ArgumentOutOfRangeException(nameof(Percent), Percent,
                $"A {Strategy} rollout needs a percent between 1 and 99 (got {Percent}); fix rollout.percent in environments.yaml.");
        return Enumerable.Range(1, Steps).Select(i => i * Percent / 100.0).ToList();
    }

    public override string ToString() => Strategy switch
    {
        RolloutStrategy.AllAtOnce => "all at once",
        RolloutStrategy.Canary => $"canary {Percent}% for {Describe(Interval)}, then all",
        _ => $"linear {string.Join(", ", IntermediateWeights().Select(w => $"{w * 100:0.#}%"))} every {Describe(Interval)}, then all",
    };

    /// <summary>A hold as people read it: minutes, or seconds when shorter than one.</summary>
    public static string Describe(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0.#} s";
}
