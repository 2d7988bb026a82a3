using System.IO.Hashing;
using System.Threading.Channels;

namespace Liftoff.Packaging.Zip;

/// <summary>
/// Writes a ZIP whose bytes depend only on the entries' names, contents and modes and on the settings:
/// entries sorted by name, one timestamp, Unix modes 0644/0755, no extra fields, no data descriptors.
/// Entries (and chunks of large files) are compressed in parallel under <paramref name="cpu"/>, a gate
/// shared by every archive being written, and written to the output strictly in order.
/// </summary>
public sealed class DeterministicZipWriter(int compressionLevel, DateTimeOffset timestamp, SemaphoreSlim cpu)
{
    private const int MaxEntries = ushort.MaxValue; // beyond this ZIP64 is needed, and Lambda would refuse the size anyway

    /// <param name="output">A seekable stream: chunked entries get their sizes patched in afterwards.</param>
    public async Task<ZipArchiveSummary> WriteAsync(IEnumerable<ZipEntrySource> entries, Stream output, CancellationToken ct)
    {
        if (!output.CanSeek) throw new ArgumentException("The output stream must be seekable.", nameof(output));
        var sorted = entries.OrderBy(e => e.Name, EntryName.Order).ToArray();
        Validate(sorted);
        var time = DosDateTime.From(timestamp);

        // Bounded so memory stays at a few chunks per core however large the artifact is.
        var pending = Channel.CreateBounded<Task<CompressedChunk>>(new BoundedChannelOptions(Math.Max(4, cpu.CurrentCount * 4))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(sorted, pending.Writer, stop.Token), CancellationToken.None);
        try
        {
            var written = await ConsumeAsync(pending.Reader, output, time, ct);
            await producer;
            return written;
        }
        catch
        {
            stop.Cancel();
            await DrainAsync(producer, pending.Reader);
            throw;
        }
    }

    private async Task ProduceAsync(ZipEntrySource[] entries, ChannelWriter<Task<CompressedChunk>> writer, CancellationToken ct)
    {
        try
        {
            foreach (var entry in entries)
            {
                var count = ChunkCompressor.ChunkCount(entry.Length);
                for (var i = 0; i < count; i++)
                {
                    await cpu.WaitAsync(ct);
                    var index = i;
                    var task = Task.Run(() =>
                    {
                        try { return ChunkCompressor.Compress(entry, index, count, compressionLevel, ct); }
                        finally { cpu.Release(); }
                    }, CancellationToken.None);
                    await writer.WriteAsync(task, ct);
                }
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private static async Task<ZipArchiveSummary> ConsumeAsync(ChannelReader<Task<CompressedChunk>> reader, Stream output, DosDateTime time, CancellationToken ct)
    {
        var start = output.Position;
        var central = new MemoryStream();
        var written = new List<ZipEntryWritten>();
        var crc = new Crc32();
        // Hashed here, where the bytes pass anyway, so a fresh build need not read every file twice.
        var content = new XxHash128();
        long headerAt = 0, compressed = 0, size = 0;
        byte[] name = [];
        ushort flags = 0;

        await foreach (var task in reader.ReadAllAsync(ct))
        {
            using var chunk = await task;
            var entry = chunk.Entry;
            if (chunk.IsFirst)
            {
                headerAt = output.Position - start;
                name = ZipHeaders.EncodeName(entry.Name, out flags);
                crc.Reset();
                content.Reset();
                compressed = size = 0;
                // Whole entries know their sizes now; chunked ones get them patched in after the last chunk.
                var known = chunk.IsWholeEntry ? Crc32.HashToUInt32(chunk.Raw) : 0u;
                var header = ZipHeaders.Local(name, flags, chunk.Stored, time, known,
                    chunk.IsWholeEntry ? (uint)chunk.Data.Length : 0, chunk.IsWholeEntry ? (uint)chunk.Raw.Length : 0);
                await output.WriteAsync(header, ct);
            }
            crc.Append(chunk.Raw);
            content.Append(chunk.Raw);
            await output.WriteAsync(chunk.Data, ct);
            compressed += chunk.Data.Length;
            size += chunk.Raw.Length;
            if (!chunk.IsLast) continue;

            if (compressed > uint.MaxValue || size > uint.MaxValue || headerAt > uint.MaxValue)
                throw new PackagingException($"'{entry.Name}' makes the archive larger than 4 GB, which needs ZIP64; no Lambda artifact can be that large. Exclude it.");
            var entryCrc = crc.GetCurrentHashAsUInt32();
            if (!chunk.IsWholeEntry)
            {
                var end = output.Position;
                var sizes = new byte[12];
                ZipHeaders.WriteSizes(sizes, entryCrc, (uint)compressed, (uint)size);
                output.Position = start + headerAt + ZipHeaders.CrcOffsetInLocalHeader;
                await output.WriteAsync(sizes, ct);
                output.Position = end;
            }
            ZipHeaders.Central(central, name, flags, chunk.Stored, time, entryCrc, (uint)compressed, (uint)size, entry.UnixMode, (uint)headerAt);
            written.Add(new ZipEntryWritten(entry.Name, size, compressed, entryCrc, entry.Executable, content.GetCurrentHashAsUInt128()));
        }

        var directoryAt = output.Position - start;
        if (directoryAt + central.Length > uint.MaxValue)
            throw new PackagingException("The archive would be larger than 4 GB, which needs ZIP64; no Lambda artifact can be that large. Exclude large files.");
        central.Position = 0;
        await central.CopyToAsync(output, ct);
        ZipHeaders.EndOfCentralDirectory(output, (ushort)written.Count, (uint)central.Length, (uint)directoryAt);
        await output.FlushAsync(ct);
        return new ZipArchiveSummary(written, output.Position - start);
    }

    private static void Validate(ZipEntrySource[] sorted)
    {
        if (sorted.Length > MaxEntries)
            throw new PackagingException($"{sorted.Length} files is more than a ZIP without ZIP64 can hold ({MaxEntries}). Exclude files you do not need at run time.");
        for (var i = 0; i < sorted.Length; i++)
        {
            EntryName.Validate(sorted[i].Name);
            if (i > 0 && sorted[i].Name == sorted[i - 1].Name)
                throw new PackagingException($"Two files would both be stored as '{sorted[i].Name}' ({sorted[i - 1].FullPath} and {sorted[i].FullPath}).");
        }
    }

    /// <summary>After a failure: stop producing, then release whatever was compressed but never written.</summary>
    private static async Task DrainAsync(Task producer, ChannelReader<Task<CompressedChunk>> reader)
    {
        try { await producer; } catch { /* its error, if any, already reached the reader */ }
        while (reader.TryRead(out var task))
        {
            try { (await task).Dispose(); } catch { /* the first failure is the one reported */ }
        }
    }
}
