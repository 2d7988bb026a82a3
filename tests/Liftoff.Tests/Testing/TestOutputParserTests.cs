using Liftoff.Building;
using Liftoff.Testing;

namespace Liftoff.Tests.Testing;

/// <summary>Summaries as node 20/22's test runner and Python 3's unittest print them.</summary>
public sealed class TestOutputParserTests
{
    [Fact]
    public void Reads_node_tap_summary()
    {
        const string tap = "TAP version 13\nok 1 - a\n1..9\n# tests 9\n# suites 0\n# pass 5\n# fail 1\n# cancelled 1\n# skipped 1\n# todo 1\n# duration_ms 12.3\n";
        Assert.Equal(new TestCounts(5, 2, 2), TestOutputParser.Parse(tap));
    }

    [Fact]
    public void Reads_node_spec_summary()
    {
        const string spec = "✔ a (1ms)\nℹ tests 3\nℹ suites 0\nℹ pass 3\nℹ fail 0\nℹ cancelled 0\nℹ skipped 0\nℹ todo 0\nℹ duration_ms 40\n";
        Assert.Equal(new TestCounts(3, 0, 0), TestOutputParser.Parse(spec));
    }

    [Theory]
    [InlineData("......\n----------------------------------------------------------------------\nRan 6 tests in 0.001s\n\nOK\n", 6, 0, 0)]
    [InlineData("Ran 10 tests in 0.004s\n\nOK (skipped=2)\n", 8, 0, 2)]
    [InlineData("Ran 7 tests in 0.010s\n\nFAILED (failures=1, errors=2, skipped=1)\n", 3, 3, 1)]
    [InlineData("Ran 4 tests in 0.010s\n\nFAILED (failures=1, expected failures=1, unexpected successes=1)\n", 2, 2, 0)]
    public void Reads_unittest_summary(string output, int passed, int failed, int skipped)
    {
        Assert.Equal(new TestCounts(passed, failed, skipped), TestOutputParser.Parse(output));
    }

    [Fact]
    public void Output_without_a_summary_has_no_counts()
    {
        Assert.Null(TestOutputParser.Parse("> people-cards-users@1.0.0 test\nsh: esbuild: not found\n"));
    }
}
