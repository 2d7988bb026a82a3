namespace Liftoff.Packaging.Zip;

/// <summary>A file to store in an archive under <see cref="Name"/> (forward slashes, relative).</summary>
/// <param name="FullPath">Where to read it (a followed symlink's target is read through the link).</param>
/// <param name="Length">Its size when scanned; a different size at read time is an error.</param>
/// <param name="Executable">Stored as 0755 when set, else 0644.</param>
public sealed record ZipEntrySource(string Name, string FullPath, long Length, bool Executable)
{
    public int UnixMode => Executable ? 0b111_101_101 : 0b110_100_100;

    /// <summary>The file's modification time when it was selected (default when unknown): with the length, the key under which its hash is remembered.</summary>
    public DateTime ModifiedUtc { get; init; }
}

/// <summary>An entry as written: sizes, the CRC-32 of its content and its XxHash128 (for the inputs hash).</summary>
public sealed record ZipEntryWritten(string Name, long Size, long CompressedSize, uint Crc32, bool Executable, UInt128 ContentHash);

/// <summary>What a finished archive holds.</summary>
public sealed record ZipArchiveSummary(IReadOnlyList<ZipEntryWritten> Entries, long ArchiveSize)
{
    public long UncompressedSize => Entries.Sum(e => e.Size);
    public int FileCount => Entries.Count;
}
