using System.Xml.Linq;

namespace Liftoff.Testing;

/// <summary>Reads the counters of the Visual Studio test results files (TRX) that `dotnet test --logger trx` writes.</summary>
public static class TrxReader
{
    public static async Task<TestCounts> ReadAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var total = TestCounts.Zero;
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var document = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken);
            var counters = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null) continue;
            int Count(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
            // xunit's skipped tests are "NotExecuted" in TRX.
            total += new TestCounts(Count("passed"), Count("failed") + Count("error") + Count("timeout") + Count("aborted"), Count("notExecuted"));
        }
        return total;
    }
}
