using System.IO.Compression;
using Liftoff.Packaging.Zip;

namespace Liftoff.Packaging;

/// <summary>
/// The two halves of the proof that a handler loaded from the staging folder loaded the artifact's bytes:
/// the ZIP holds what the writer wrote, and the files the runtime read still hold what the writer read.
/// </summary>
internal static class ArtifactContents
{
    /// <summary>
    /// The ZIP's central directory lists exactly the written entries, with their sizes and CRC-32s: a ZIP
    /// replaced, cut short or rewritten since it was written is not the one the handler was checked against.
    /// </summary>
    public static void Check(ArtifactRequest request, string zipPath, ZipArchiveSummary written)
    {
        string? difference;
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            difference = Difference(archive.Entries, written.Entries);
        }
        catch (InvalidDataException e)
        {
            difference = $"it is not a readable ZIP ({e.Message})";
        }
        if (difference is not null)
            throw new ArtifactVerificationException(
                $"The artifact of {request.Name} is not what was packaged: {difference}. Nothing else may write to artifacts/ while Package runs; package again.",
                runtimeError: null);
    }

    /// <summary>
    /// Every entry the runtime read has, now, the content hash the writer took of the bytes it compressed:
    /// a staged file that changed while it was packaged would have loaded bytes the artifact does not hold.
    /// </summary>
    public static async Task CheckReadAsync(ArtifactRequest request, IReadOnlyList<ZipEntrySource> files,
        ZipArchiveSummary written, IReadOnlyList<string> read, CancellationToken ct)
    {
        var sources = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var hashes = written.Entries.ToDictionary(e => e.Name, e => e.ContentHash, StringComparer.Ordinal);
        var changed = new string?[read.Count];
        await Task.Run(() => Parallel.For(0, read.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var name = read[i];
            changed[i] = !sources.TryGetValue(name, out var source) || !hashes.TryGetValue(name, out var hash)
                ? $"{name} (not in the artifact)"
                : InputsHash.HashFile(source, ct) == hash ? null : name;
        }), ct);
        var different = changed.OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (different.Count > 0)
            throw new ArtifactVerificationException(
                $"The handler {request.Handler} of {request.Name} loaded files that differ from its artifact: {string.Join(", ", different.Take(10))}" +
                $"{(different.Count > 10 ? $" and {different.Count - 10} more" : "")}. They changed in the staging folder while it was packaged; " +
                "let the build finish, then package again.",
                runtimeError: null);
    }

    private static string? Difference(IReadOnlyCollection<ZipArchiveEntry> found, IReadOnlyList<ZipEntryWritten> expected)
    {
        if (found.Count != expected.Count) return $"it has {found.Count} entries where {expected.Count} were written";
        var i = 0;
        foreach (var entry in found)
        {
            var want = expected[i++];
            if (entry.FullName != want.Name) return $"entry {i} is {entry.FullName} where {want.Name} was written";
            if (entry.Length != want.Size || entry.Crc32 != want.Crc32)
                return $"{want.Name} holds {entry.Length} bytes with CRC-32 {entry.Crc32:x8} where {want.Size} bytes with CRC-32 {want.Crc32:x8} were written";
        }
        return null;
    }
}
