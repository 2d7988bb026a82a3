using System.Globalization;
using System.Text.RegularExpressions;

namespace Liftoff.Testing;

/// <summary>
/// Reads the counts from the summaries of node's test runner (TAP "# pass 3" or spec "ℹ pass 3") and of
/// Python's unittest ("Ran 10 tests" then "OK (skipped=1)" or "FAILED (failures=1, errors=2)").
/// </summary>
public static partial class TestOutputParser
{
    /// <returns>The counts, or null when the output has no summary of either kind.</returns>
    public static TestCounts? Parse(string output)
    {
        TestCounts? total = null;
        foreach (var summary in new[] { Node(output), Unittest(output) })
            if (summary is not null) total = (total ?? TestCounts.Zero) + summary;
        return total;
    }

    private static TestCounts? Node(string output)
    {
        var counts = NodeSummary().Matches(output)
            .GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => g.Sum(m => Number(m.Groups["count"].Value)));
        if (!counts.ContainsKey("pass") && !counts.ContainsKey("fail")) return null;
        int Get(string name) => counts.GetValueOrDefault(name);
        // A cancelled test did not pass; a todo test is not run to a verdict, like a skipped one.
        return new TestCounts(Get("pass"), Get("fail") + Get("cancelled"), Get("skipped") + Get("todo"));
    }

    private static TestCounts? Unittest(string output)
    {
        var ran = UnittestRan().Matches(output);
        var verdicts = UnittestVerdict().Matches(output);
        if (ran.Count == 0 || verdicts.Count == 0) return null;
        var total = TestCounts.Zero;
        for (var i = 0; i < Math.Min(ran.Count, verdicts.Count); i++)
        {
            var tests = Number(ran[i].Groups["count"].Value);
            var details = UnittestDetail().Matches(verdicts[i].Groups["details"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => Number(m.Groups["count"].Value));
            int Get(string name) => details.GetValueOrDefault(name);
            var failed = Get("failures") + Get("errors") + Get("unexpected successes");
            var skipped = Get("skipped");
            total += new TestCounts(tests - failed - skipped, failed, skipped);
        }
        return total;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?:#|ℹ)\s+(?<name>tests|pass|fail|cancelled|skipped|todo)\s+(?<count>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex NodeSummary();

    [GeneratedRegex(@"^Ran (?<count>\d+) tests? in ", RegexOptions.Multiline)]
    private static partial Regex UnittestRan();

    [GeneratedRegex(@"^(?:OK|FAILED)(?: \((?<details>[^)]*)\))?\s*$", RegexOptions.Multiline)]
    private static partial Regex UnittestVerdict();

    [GeneratedRegex(@"(?<name>failures|errors|skipped|expected failures|unexpected successes)=(?<count>\d+)")]
    private static partial Regex UnittestDetail();
}
