namespace Liftoff.Building;

/// <summary>Test results counted the way the closing line says them: `tests: N passed, M failed, K skipped`.</summary>
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public static TestCounts None { get; } = new(0, 0, 0);

    public static TestCounts operator +(TestCounts a, TestCounts b) =>
        new(a.Passed + b.Passed, a.Failed + b.Failed, a.Skipped + b.Skipped);

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
