namespace Liftoff.Testing;

/// <summary>Adds up test counts from several runners (dotnet test, node --test, unittest) within one build.</summary>
public sealed class TestTally
{
    private readonly Lock _lock = new();

    public TestCounts Counts { get; private set; } = TestCounts.Zero;

    public void Add(TestCounts counts)
    {
        lock (_lock) Counts += counts;
    }
}
