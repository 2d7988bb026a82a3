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
        var pending = Channel.CreateBounded<Task<CompressedChunk[]>>(new BoundedChannelOptions(Environment.ProcessorCount * 4)
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

    // Small entries travel in batches: one task per 20,000 tiny files would cost more in hand-offs
    // between threads than compressing them does. Batching changes the schedule, never the bytes.
    private const int BatchFiles = 64;
    private const long BatchBytes = 256 * 1024;

    private async Task ProduceAsync(ZipEntrySource[] entries, ChannelWriter<Task<CompressedChunk[]>> writer, CancellationToken ct)
    {
        try
        {
            var batch = new List<ZipEntrySource>();
            long batchBytes = 0;
            foreach (var entry in entries)
            {
                var count = ChunkCompressor.ChunkCount(entry.Length);
                if (count == 1)
                {
                    batch.Add(entry);
                    batchBytes += entry.Length;
                    if (batch.Count < BatchFiles && batchBytes < BatchBytes) continue;
                }
                if (batch.Count > 0)
                {
                    var whole = batch.ToArray();
                    await SubmitAsync(() => CompressAll(whole, ct), writer, ct);
                    batch.Clear();
                    batchBytes = 0;
                }
                for (var i = 0; i < count && count > 1; i++)
                {
                    var index = i;
                    await SubmitAsync(() => [ChunkCompressor.Compress(entry, index, count, compressionLevel, ct)], writer, ct);
                }
            }
            if (batch.Count > 0)
            {
                var rest = batch.ToArray();
                await SubmitAsync(() => CompressAll(rest, ct), writer, ct);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private async Task SubmitAsync(Func<CompressedChunk[]> work, ChannelWriter<Task<CompressedChunk[]>> writer, CancellationToken ct)
    {
        await cpu.WaitAsync(ct);
        var task = Task.Run(() =>
        {
            try { return work(); }
            finally { cpu.Release(); }
        }, CancellationToken.None);
        await writer.WriteAsync(task, ct);
    }

    private CompressedChunk[] CompressAll(ZipEntrySource[] entries, CancellationToken ct)
    {
        var done = new List<CompressedChunk>(entries.Length);
        try
        {
            foreach (var entry in entries) done.Add(ChunkCompressor.Compress(entry, 0, 1, compressionLevel, ct));
            return done.ToArray();
        }
        catch
        {
            done.ForEach(c => c.Dispose());
            throw;
        }
    }

    private static async Task<ZipArchiveSummary> ConsumeAsync(ChannelReader<Task<CompressedChunk[]>> reader, Stream output, DosDateTime time, CancellationToken ct)
    {
        var archive = new ZipOutput(output, time);
        await foreach (var task in reader.ReadAllAsync(ct))
        {
            foreach (var chunk in await task)
            {
                using (chunk) await archive.AddAsync(chunk, ct);
            }
        }
        return await archive.FinishAsync(ct);
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
    private static async Task DrainAsync(Task producer, ChannelReader<Task<CompressedChunk[]>> reader)
    {
        try { await producer; } catch { /* its error, if any, already reached the reader */ }
        while (reader.TryRead(out var task))
        {
            try { foreach (var chunk in await task) chunk.Dispose(); } catch { /* the first failure is the one reported */ }
        }
    }
}
