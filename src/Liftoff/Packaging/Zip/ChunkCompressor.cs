using System.Buffers;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace Liftoff.Packaging.Zip;

/// <summary>
/// Reads and deflates one piece of one file, on any thread. A file larger than <see cref="ChunkSize"/> is
/// cut into fixed-size chunks compressed independently (like pigz): every chunk but the last ends with a
/// sync flush, so the chunks concatenate into one valid deflate stream and a large file uses every core.
/// The cut points depend only on the file size, so the bytes do not depend on the machine.
/// </summary>
internal static class ChunkCompressor
{
    public const int ChunkSize = 1 << 20;

    public static int ChunkCount(long length) => length <= ChunkSize ? 1 : (int)((length + ChunkSize - 1) / ChunkSize);

    public static CompressedChunk Compress(ZipEntrySource entry, int index, int count, int level, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var offset = (long)index * ChunkSize;
        var length = (int)Math.Min(ChunkSize, entry.Length - offset);
        var raw = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            // Empty files are never opened: their content is known, and a FIFO would block the open.
            if (length > 0) Read(entry, raw, offset, length, checkLength: index == 0);
            var single = count == 1;
            var incompressible = LooksIncompressible(raw.AsSpan(0, length));
            if (incompressible && single) return new CompressedChunk(entry, index, count, raw, length, null, 0);
            var output = new MemoryStream(length / 2 + 64);
            // Level 0 for an incompressible chunk of a larger entry: stored blocks inside the deflate stream.
            var chunkLevel = incompressible ? 0 : level;
            using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = chunkLevel }, leaveOpen: true))
            {
                deflate.Write(raw, 0, length);
                if (index < count - 1)
                {
                    // Sync flush ends on a byte boundary; what Dispose adds after it (the final empty block)
                    // is cut off so the next chunk's blocks continue the stream.
                    deflate.Flush();
                    var flushed = output.Length;
                    deflate.Dispose();
                    output.SetLength(flushed);
                }
            }
            // As zip does: an entry that deflate cannot shrink is stored. Only whole (single-chunk) entries
            // can switch, since chunks of one entry share its method; deflate itself falls back to stored
            // blocks inside a chunk, so a large incompressible file grows by a few bytes per 64 KB at most.
            var stored = single && output.Length >= length;
            return new CompressedChunk(entry, index, count, raw, length, stored ? null : output.GetBuffer(), (int)output.Length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(raw);
            throw;
        }
    }

    /// <summary>
    /// Already-compressed content (images, fonts, archives, most native code) costs deflate as much time
    /// as text and gains nothing, so chunks of 16 KB or more are sampled first: when quick deflate cannot
    /// shrink 4 KB at the start, the middle or the end, the chunk is stored. The test reads only the
    /// content, so the same bytes always get the same treatment.
    /// </summary>
    private static bool LooksIncompressible(ReadOnlySpan<byte> data)
    {
        const int sample = 4096;
        if (data.Length < 4 * sample) return false;
        var probe = new MemoryStream(sample + 64);
        foreach (var start in (ReadOnlySpan<int>)[0, data.Length / 2 - sample / 2, data.Length - sample])
        {
            probe.SetLength(0);
            using (var deflate = new DeflateStream(probe, new ZLibCompressionOptions { CompressionLevel = 1 }, leaveOpen: true))
                deflate.Write(data.Slice(start, sample));
            if (probe.Length < sample * 97 / 100) return false;
        }
        return true;
    }

    private static void Read(ZipEntrySource entry, byte[] buffer, long offset, int length, bool checkLength)
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (checkLength && RandomAccess.GetLength(handle) != entry.Length) throw Changed(entry);
            var done = 0;
            while (done < length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(done, length - done), offset + done);
                if (n == 0) throw Changed(entry);
                done += n;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackagingException(
                $"Cannot read '{entry.Name}' ({entry.FullPath}): {e.Message} Make the file readable or exclude it from the artifact.", e);
        }
    }

    private static PackagingException Changed(ZipEntrySource entry) =>
        new($"'{entry.Name}' ({entry.FullPath}) changed while it was being packaged. Let the build finish, then package again.");
}

/// <summary>One compressed piece; owns a pooled buffer holding the raw bytes until the writer is done with it.</summary>
internal sealed class CompressedChunk(ZipEntrySource entry, int index, int count, byte[] raw, int rawLength, byte[]? deflated, int deflatedLength) : IDisposable
{
    public ZipEntrySource Entry => entry;
    public int Index => index;
    public bool IsFirst => index == 0;
    public bool IsLast => index == count - 1;
    public bool IsWholeEntry => count == 1;
    public bool Stored => deflated is null;
    public ReadOnlySpan<byte> Raw => raw.AsSpan(0, rawLength);
    public ReadOnlyMemory<byte> Data => deflated is null ? raw.AsMemory(0, rawLength) : deflated.AsMemory(0, deflatedLength);

    public void Dispose() => ArrayPool<byte>.Shared.Return(raw);
}
