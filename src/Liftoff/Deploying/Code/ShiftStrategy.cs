namespace Liftoff.Deploying.Code;

public enum ShiftKind { AllAtOnce, Canary, Linear }

/// <summary>
/// How the alias moves to a new version. Canary: <see cref="Percent"/> of traffic for <see cref="Interval"/>,
/// then all. Linear: <see cref="Percent"/>, 2×<see cref="Percent"/>, … (<see cref="Steps"/> shifts, or as many
/// as stay below 100% when 0), each held for <see cref="Interval"/>, then all. The same meaning as the
/// configuration's rollout (Strategy, Percent, IntervalMinutes, Steps).
/// </summary>
public sealed record ShiftStrategy(ShiftKind Kind, int Percent = 10, TimeSpan Interval = default, int Steps = 0)
{
    public static ShiftStrategy AllAtOnce { get; } = new(ShiftKind.AllAtOnce);

    public static ShiftStrategy Canary(int percent, TimeSpan interval) => new(ShiftKind.Canary, percent, interval);

    public static ShiftStrategy Linear(int percent, TimeSpan interval, int steps = 0) => new(ShiftKind.Linear, percent, interval, steps);

    /// <summary>The shares of traffic the new version gets before it gets all of it, each held for <see cref="Interval"/>.</summary>
    public IReadOnlyList<double> IntermediateWeights()
    {
        switch (Kind)
        {
            case ShiftKind.AllAtOnce:
                return [];
            case ShiftKind.Canary:
                CheckPercent();
                return [Percent / 100.0];
            case ShiftKind.Linear:
                CheckPercent();
                var belowAll = (100 - 1) / Percent;
                var steps = Steps > 0 ? Math.Min(Steps, belowAll) : belowAll;
                return Enumerable.Range(1, steps).Select(i => i * Percent / 100.0).ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null);
        }
    }

    public override string ToString() => Kind switch
    {
        ShiftKind.AllAtOnce => "all at once",
        ShiftKind.Canary => $"canary {Percent}% for {Minutes(Interval)}, then all",
        _ => $"linear {string.Join(", ", IntermediateWeights().Select(w => $"{w * 100:0.#}%"))} every {Minutes(Interval)}, then all",
    };

    public static string Describe(TimeSpan t) => Minutes(t);

    private static string Minutes(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0.#} s";

    private void CheckPercent()
    {
        if (Percent is <= 0 or >= 100)
            throw new DeployException($"A {Kind} rollout needs a percent between 1 and 99 (got {Percent}); fix rollout.percent in environments.yaml.");
    }
}
