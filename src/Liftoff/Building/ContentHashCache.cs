using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Liftoff.Building;

/// <summary>
/// Content hashes remembered by (path, size, modification time), so that a run whose inputs did not change reads their
/// sizes and times instead of their bytes. A file whose size or time differs is hashed again; so is one whose time was
/// too close to the moment it was last hashed (<see cref="RacyWindow"/>: a write within the file system's time
/// granularity after the hash would leave the time as it was, as git's "racily clean" entries show). One cache file per
/// use (one artifact's inputs, one front end's files): what a run did not look up is dropped when it saves.
/// </summary>
public sealed class ContentHashCache
{
    /// <summary>
    /// How long after its modification time an entry must have been hashed to be trusted: above the coarsest timestamp
    /// granularity of the file systems a repository lives on (2 s on FAT, 1 s on HFS+ and some network shares).
    /// </summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly string _file;
    private readonly IReadOnlyDictionary<string, Entry> _known;
    private readonly ConcurrentDictionary<string, Entry> _used = new(StringComparer.Ordinal);
    private int _changed;
    private int _hits;

    private ContentHashCache(string file, IReadOnlyDictionary<string, Entry> known)
    {
        _file = file;
        _known = known;
    }

    /// <summary>How many lookups were answered without reading the file.</summary>
    public int Hits => _hits;

    /// <summary>The cache kept in <paramref name="file"/>; empty when it is missing or unreadable (a cache is never needed).</summary>
    public static async Task<ContentHashCache> LoadAsync(string file, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken))
                if (Entry.Parse(line) is { } entry)
                    known[entry.Path] = entry;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache yet, or one that cannot be read: every file is hashed.
        }
        return new ContentHashCache(file, known);
    }

    /// <summary>The cache's file for one use, under the repository's .nuke/temp/hashes.</summary>
    public static string FileFor(string rootDirectory, params string[] parts) =>
        Path.Combine([rootDirectory, ".nuke", "temp", "hashes", .. parts]) + ".txt";

    /// <summary>The hash of the file as it is now: remembered when its size and time are the ones hashed, else computed.</summary>
    /// <param name="compute">Reads the file and returns its hash as text.</param>
    public string HashOf(string path, long size, DateTime modifiedUtc, Func<string> compute)
    {
        if (TryGet(path, size, modifiedUtc, out var hash)) return hash;
        hash = compute();
        Remember(path, size, modifiedUtc, hash);
        return hash;
    }

    /// <summary><see cref="HashOf"/> for a hash read asynchronously.</summary>
    public async Task<string> HashOfAsync(string path, long size, DateTime modifiedUtc, Func<Task<string>> compute)
    {
        if (TryGet(path, size, modifiedUtc, out var hash)) return hash;
        hash = await compute();
        Remember(path, size, modifiedUtc, hash);
        return hash;
    }

    private bool TryGet(string path, long size, DateTime modifiedUtc, out string hash)
    {
        hash = "";
        if (!_known.TryGetValue(path, out var entry) || entry.Size != size || entry.ModifiedTicks != modifiedUtc.Ticks ||
            modifiedUtc >= new DateTime(entry.HashedTicks, DateTimeKind.Utc) - RacyWindow)
            return false;
        _used[path] = entry;
        Interlocked.Increment(ref _hits);
        hash = entry.Hash;
        return true;
    }

    /// <summary>
    /// Remembers a hash taken now (also one taken while the file was read for another purpose, such as compressing it),
    /// under the size and time the file had before it was read.
    /// </summary>
    public void Remember(string path, long size, DateTime modifiedUtc, string hash)
    {
        // A name with a line break could not be stored as one line: such a file is always hashed.
        if (path.AsSpan().IndexOfAny('\n', '\r') >= 0) return;
        _used[path] = new Entry(path, size, modifiedUtc.Ticks, DateTime.UtcNow.Ticks, hash);
        Interlocked.Exchange(ref _changed, 1);
    }

    /// <summary>Writes the entries this run looked up (temporary file, then rename); nothing when all were remembered.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_changed == 0 && _used.Count == _known.Count) return;
        var text = new StringBuilder();
        foreach (var entry in _used.Values.OrderBy(e => e.Path, StringComparer.Ordinal)) text.Append(entry).Append('\n');
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var temp = $"{_file}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllTextAsync(temp, text.ToString(), cancellationToken);
            File.Move(temp, _file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs the next run a hash, nothing else.
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private sealed record Entry(string Path, long Size, long ModifiedTicks, long HashedTicks, string Hash)
    {
        public static Entry? Parse(string line)
        {
            var parts = line.Split('\t', 5);
            return parts.Length == 5 &&
                   long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size) &&
                   long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var modified) &&
                   long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var hashed) &&
                   parts[3].Length > 0
                ? new Entry(parts[4], size, modified, hashed, parts[3])
                : null;
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Size}\t{ModifiedTicks}\t{HashedTicks}\t{Hash}\t{Path}");
    }
}
