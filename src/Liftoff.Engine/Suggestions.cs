namespace Liftoff.Engine;

/// <summary>
/// "Did you mean …": the known name nearest to a misspelt one, when it is near enough to be a typo. Shared by
/// the command line (targets, parameters) and configuration files (keys, environments, projects).
/// </summary>
public static class Suggestions
{
    public static string? Nearest(string word, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Known: k, Distance: Distance(word.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Known, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Known is null) return null;
        var allowed = Math.Max(2, Math.Min(word.Length, best.Known.Length) / 3);
        return best.Distance <= allowed ? best.Known : null;
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus swapping two neighbours (Deplyo), the commonest typo.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
