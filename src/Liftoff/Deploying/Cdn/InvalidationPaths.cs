using System.Text;

namespace Liftoff.Deploying.Cdn;

/// <summary>
/// The paths one CloudFront invalidation names for what a release changed. Up to the limit, each changed or deleted
/// file is named exactly. Over it, folders are collapsed into one wildcard each (<c>/assets/*</c>), because CloudFront
/// bills per path and counts a wildcard as one. The folder collapsed first is the one that saves the most paths for
/// the fewest unchanged files it would needlessly invalidate: an unchanged file still cached costs a trip to the
/// origin, while a changed file not invalidated stays stale. Ties go to the folder that saves more, then the deeper
/// one. The result also keeps within CloudFront's 15 wildcard paths in progress per distribution.
/// </summary>
public static class InvalidationPaths
{
    /// <summary>CloudFront: at most 15 wildcard paths in progress per distribution.</summary>
    public const int MaxWildcardsInProgress = 15;

    /// <summary>CloudFront: at most 3,000 file paths in progress per distribution.</summary>
    public const int MaxFilesInProgress = 3000;

    /// <param name="changed">Site paths (no leading slash) the release changed or deleted.</param>
    /// <param name="siteFiles">Every file of the site after the release: what a wildcard would reach besides the changed ones.</param>
    /// <param name="limit">How many paths the invalidation may name (project.yaml or environments.yaml, default 15).</param>
    public static InvalidationPathPlan Plan(IEnumerable<string> changed, IEnumerable<string> siteFiles, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var files = changed.Distinct(StringComparer.Ordinal).ToList();
        var unchanged = siteFiles.Except(files, StringComparer.Ordinal).ToList();
        var entries = files.Select(f => new Entry(f, Wildcard: false)).ToList();
        while (entries.Count > limit || entries.Count(e => e.Wildcard) > MaxWildcardsInProgress)
        {
            var byWildcards = entries.Count <= limit;
            var folder = Cheapest(entries, unchanged, byWildcards);
            entries = [.. entries.Where(e => !Inside(e, folder)), new Entry(folder, Wildcard: true)];
        }
        return new InvalidationPathPlan(
            entries.Select(e => e.ToCloudFrontPath()).Order(StringComparer.Ordinal).ToList(),
            files.Count);
    }

    /// <summary>A changed file (exact) or a folder prefix ending in '/', "" for the root (wildcard).</summary>
    private sealed record Entry(string Path, bool Wildcard)
    {
        public string ToCloudFrontPath() => "/" + Encode(Path) + (Wildcard ? "*" : "");
    }

    /// <summary>The folder whose wildcard saves the most entries (or wildcards) per unchanged file it reaches.</summary>
    private static string Cheapest(List<Entry> entries, List<string> unchanged, bool byWildcards)
    {
        var saved = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => !byWildcards || e.Wildcard))
            foreach (var folder in FoldersAbove(entry.Path))
                saved[folder] = saved.GetValueOrDefault(folder) + 1;

        var wildcards = entries.Where(e => e.Wildcard).Select(e => e.Path).ToList();
        var waste = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in unchanged.Where(f => !wildcards.Any(w => f.StartsWith(w, StringComparison.Ordinal))))
            foreach (var folder in FoldersAbove(file))
                waste[folder] = waste.GetValueOrDefault(folder) + 1;

        // Collapsing a folder turns its n entries into one: it saves n - 1.
        return saved.Where(s => s.Value >= 2)
            .Select(s => (Folder: s.Key, Saves: s.Value - 1, Waste: waste.GetValueOrDefault(s.Key)))
            .OrderBy(c => c, Comparer<(string Folder, int Saves, int Waste)>.Create(ByCost))
            .First().Folder;
    }

    private static int ByCost((string Folder, int Saves, int Waste) a, (string Folder, int Saves, int Waste) b)
    {
        // waste/saves, compared without division; then more saved, then the deeper (longer) folder.
        var byRatio = ((long)a.Waste * b.Saves).CompareTo((long)b.Waste * a.Saves);
        if (byRatio != 0) return byRatio;
        if (a.Saves != b.Saves) return b.Saves.CompareTo(a.Saves);
        if (a.Folder.Length != b.Folder.Length) return b.Folder.Length.CompareTo(a.Folder.Length);
        return string.CompareOrdinal(a.Folder, b.Folder);
    }

    /// <summary>The folders strictly above a path: "a/b/c.js" → "", "a/", "a/b/"; a folder "a/b/" → "", "a/".</summary>
    private static IEnumerable<string> FoldersAbove(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0 && slash < path.Length - 1; slash = path.IndexOf('/', slash + 1))
            yield return path[..(slash + 1)];
        if (path.Length > 0) yield return "";
    }

    private static bool Inside(Entry entry, string folder) =>
        entry.Path.StartsWith(folder, StringComparison.Ordinal) && entry.Path != folder;

    /// <summary>
    /// CloudFront matches paths as URLs: non-ASCII and RFC 1738's unsafe characters are percent-encoded (UTF-8), and
    /// nothing else is, or the cached copy is not matched. A '*' inside a name would read as a wildcard, so it is encoded too.
    /// </summary>
    private static string Encode(string path)
    {
        var encoded = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
            if (b is > 0x20 and < 0x7F && !"\"<>#%{}|\\^~[]`*".Contains((char)b)) encoded.Append((char)b);
            else encoded.Append('%').Append(b.ToString("X2"));
        return encoded.ToString();
    }
}

/// <summary>The paths to invalidate (each starting with '/'; wildcards end in '*'), and how many files changed.</summary>
public sealed record InvalidationPathPlan(IReadOnlyList<string> Paths, int ChangedFiles)
{
    public int Wildcards => Paths.Count(p => p.EndsWith('*'));

    public int Files => Paths.Count - Wildcards;

    /// <summary>Folders were collapsed into wildcards because the changes named more paths than the limit.</summary>
    public bool Collapsed => Wildcards > 0;
}
