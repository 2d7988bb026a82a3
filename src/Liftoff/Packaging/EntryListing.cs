using System.Text;

namespace Liftoff.Packaging;

/// <summary>The lines of an artifact's listing that help a reader find a file that should be there.</summary>
internal static class EntryListing
{
    private const int EntriesAround = 8;

    /// <summary>The sorted entry names either side of where <paramref name="path"/> is or would be.</summary>
    public static string Around(IReadOnlyList<string> entries, string path)
    {
        var sorted = entries.Order(StringComparer.Ordinal).ToList();
        var at = sorted.BinarySearch(path, StringComparer.Ordinal);
        if (at < 0) at = ~at;
        var from = Math.Max(0, at - EntriesAround);
        var to = Math.Min(sorted.Count, at + EntriesAround + 1);
        var text = new StringBuilder($"Entries of the artifact around {path} ({sorted.Count} in all):\n");
        if (from > 0) text.Append("  ...\n");
        for (var i = from; i < to; i++) text.Append("  ").Append(sorted[i] == path ? "> " : "  ").Append(sorted[i]).Append('\n');
        if (to < sorted.Count) text.Append("  ...\n");
        return text.ToString();
    }
}
