using System.IO.Hashing;
using System.Text;

namespace Liftoff.Building;

/// <summary>
/// One XxHash128 for a set of folders and files, as Compile's stamps compare them. Two kinds:
/// <see cref="ContentAsync"/> (each file's name and content, the content found by size and time in a
/// <see cref="ContentHashCache"/> and read only when those differ) for what a build reads, and <see cref="Listing"/>
/// (each entry's name, size and time, nothing read) for what a build wrote, which only Compile itself should change.
/// Links are not followed into folders: a link is its target's text, and a linked file is hashed through the link.
/// </summary>
internal static class TreeFingerprint
{
    /// <summary>The names and contents of every file under the folder but <paramref name="skip"/> (a missing folder is empty).</summary>
    /// <exception cref="IOException">A file vanished or cannot be read: the caller builds instead.</exception>
    public static Task<string> ContentAsync(string folder, string? skip, ContentHashCache known, CancellationToken cancellationToken)
    {
        var entries = new List<(string Name, FileSystemInfo Info)>();
        Walk(new DirectoryInfo(folder), folder, entries, skip);
        return HashAsync(entries.Select(e => e.Info).ToList(), known, cancellationToken);
    }

    /// <summary>The names and contents of the files.</summary>
    public static Task<string> FilesAsync(IEnumerable<string> files, ContentHashCache known, CancellationToken cancellationToken) =>
        HashAsync(files.Distinct(StringComparer.Ordinal).Select(f => (FileSystemInfo)new FileInfo(f)).ToList(), known, cancellationToken);

    private static async Task<string> HashAsync(List<FileSystemInfo> entries, ContentHashCache known, CancellationToken cancellationToken)
    {
        entries.Sort((a, b) => StringComparer.Ordinal.Compare(a.FullName, b.FullName));
        var hashes = new string[entries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken },
            async (i, ct) => hashes[i] = await EntryHashAsync(entries[i], known, ct));
        var all = new XxHash128();
        for (var i = 0; i < entries.Count; i++) Append(all, $"{entries[i].FullName}\0{hashes[i]}\n");
        return Convert.ToHexStringLower(all.GetCurrentHash());
    }

    /// <summary>The names, kinds, sizes and times of everything under the folder (nothing read); "none" when it is missing.</summary>
    public static string Listing(string folder, string? skip = null)
    {
        if (!Directory.Exists(folder)) return "none";
        var entries = new List<(string Name, FileSystemInfo Info)>();
        Walk(new DirectoryInfo(folder), folder, entries, skip, withFolders: true);
        entries.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
        var all = new XxHash128();
        foreach (var (name, info) in entries)
            Append(all, $"{name}\0{info.LinkTarget ?? ""}\0{(info is FileInfo f && info.LinkTarget is null ? f.Length : -1)}\0{info.LastWriteTimeUtc.Ticks}\n");
        return Convert.ToHexStringLower(all.GetCurrentHash());
    }

    private static void Walk(DirectoryInfo directory, string root, List<(string, FileSystemInfo)> entries, string? skip, bool withFolders = false)
    {
        if (!directory.Exists) return;
        foreach (var entry in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            if (skip is not null && string.Equals(entry.FullName, skip, StringComparison.Ordinal)) continue;
            var name = Path.GetRelativePath(root, entry.FullName);
            if (entry is DirectoryInfo inner && entry.LinkTarget is null)
            {
                if (withFolders) entries.Add((name, entry));
                Walk(inner, root, entries, skip, withFolders);
            }
            else
            {
                entries.Add((name, entry));
            }
        }
    }

    private static async Task<string> EntryHashAsync(FileSystemInfo entry, ContentHashCache known, CancellationToken cancellationToken)
    {
        if (entry is DirectoryInfo) return "link:" + entry.LinkTarget;
        var file = (FileInfo)entry;
        if (!file.Exists) throw new FileNotFoundException($"{file.FullName} is gone.", file.FullName);
        // A linked file's size and time are its target's (.NET stats through the link), as are the bytes read.
        return await known.HashOfAsync(file.FullName, file.Length, file.LastWriteTimeUtc, async () =>
        {
            await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            var hash = new XxHash128();
            await hash.AppendAsync(stream, cancellationToken);
            return Convert.ToHexStringLower(hash.GetCurrentHash());
        });
    }

    private static void Append(XxHash128 hash, string text) => hash.Append(Encoding.UTF8.GetBytes(text));
}
