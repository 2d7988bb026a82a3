namespace Liftoff.Testing;

/// <summary>How many tests passed, failed and were skipped, added up across test runners.</summary>
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public static TestCounts Zero { get; } = new(0, 0, 0);

    public static TestCounts operator +(TestCounts a, TestCounts b) =>
        new(a.Passed + b.Passed, a.Failed + b.Failed, a.Skipped + b.Skipped);

    /// <summary>The closing line of ./build.sh Test, which CI reads.</summary>
    public override string ToString() => $"tests: {Passed} passed, {Failed} failed, {Skipped} skipped";
}
