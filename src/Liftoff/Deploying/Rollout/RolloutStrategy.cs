namespace Liftoff.Deploying.Rollout;

public enum RolloutKind { AllAtOnce, Canary, Linear }

/// <summary>
/// How the alias moves to a new version. Canary: <see cref="Percent"/> of traffic for <see cref="Interval"/>,
/// then all. Linear: equal steps (<see cref="Steps"/> of them, or <see cref="Percent"/> at a time), each held
/// for <see cref="Interval"/>, then all.
/// </summary>
public sealed record RolloutStrategy(RolloutKind Kind, int Percent = 10, TimeSpan Interval = default, int Steps = 0)
{
    public static RolloutStrategy AllAtOnce { get; } = new(RolloutKind.AllAtOnce);

    public static RolloutStrategy Canary(int percent, TimeSpan interval) => new(RolloutKind.Canary, percent, interval);

    public static RolloutStrategy Linear(int percent, TimeSpan interval, int steps = 0) => new(RolloutKind.Linear, percent, interval, steps);

    /// <summary>The shares of traffic the new version gets before it gets all of it, each held for <see cref="Interval"/>.</summary>
    public IReadOnlyList<double> IntermediateWeights()
    {
        switch (Kind)
        {
            case RolloutKind.AllAtOnce:
                return [];
            case RolloutKind.Canary:
                CheckPercent();
                return [Percent / 100.0];
            case RolloutKind.Linear:
                if (Steps > 0)
                    return Enumerable.Range(1, Steps - 1).Select(i => Math.Round((double)i / Steps, 4)).ToList();
                CheckPercent();
                return Enumerable.Range(1, (100 - 1) / Percent).Select(i => i * Percent / 100.0).ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null);
        }
    }

    public override string ToString() => Kind switch
    {
        RolloutKind.AllAtOnce => "all at once",
        RolloutKind.Canary => $"canary {Percent}% for {Minutes(Interval)}, then all",
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
