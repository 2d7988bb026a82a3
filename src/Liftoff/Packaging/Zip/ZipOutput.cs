using System.IO.Hashing;

namespace Liftoff.Packaging.Zip;

/// <summary>
/// The sequential half of <see cref="DeterministicZipWriter"/>: appends compressed chunks in order,
/// keeps the central directory, and closes the archive.
/// </summary>
internal sealed class ZipOutput(Stream output, DosDateTime time)
{
    private readonly long _start = output.Position;
    private readonly MemoryStream _central = new();
    private readonly List<ZipEntryWritten> _written = [];
    private readonly Crc32 _crc = new();
    // Hashed here, where the bytes pass anyway, so a fresh build need not read every file twice.
    private readonly XxHash128 _content = new();
    private long _headerAt, _compressed, _size;
    private byte[] _name = [];
    private ushort _flags;

    public async Task AddAsync(CompressedChunk chunk, CancellationToken ct)
    {
        var entry = chunk.Entry;
        if (chunk.IsFirst)
        {
            _headerAt = output.Position - _start;
            _name = ZipHeaders.EncodeName(entry.Name, out _flags);
            _crc.Reset();
            _content.Reset();
            _compressed = _size = 0;
        }
        _crc.Append(chunk.Raw);
        _content.Append(chunk.Raw);
        if (chunk.IsFirst)
        {
            // Whole entries know their sizes now; chunked ones get them patched in after the last chunk.
            var whole = chunk.IsWholeEntry;
            await output.WriteAsync(ZipHeaders.Local(_name, _flags, chunk.Stored, time, whole ? _crc.GetCurrentHashAsUInt32() : 0,
                whole ? (uint)chunk.Data.Length : 0, whole ? (uint)chunk.Raw.Length : 0), ct);
        }
        await output.WriteAsync(chunk.Data, ct);
        _compressed += chunk.Data.Length;
        _size += chunk.Raw.Length;
        if (chunk.IsLast) await EndEntryAsync(chunk, ct);
    }

    private async Task EndEntryAsync(CompressedChunk chunk, CancellationToken ct)
    {
        var entry = chunk.Entry;
        if (_compressed > uint.MaxValue || _size > uint.MaxValue || _headerAt > uint.MaxValue)
            throw new PackagingException($"'{entry.Name}' makes the archive larger than 4 GB, which needs ZIP64; no Lambda artifact can be that large. Exclude it.");
        var crc = _crc.GetCurrentHashAsUInt32();
        if (!chunk.IsWholeEntry)
        {
            var end = output.Position;
            var sizes = new byte[12];
            ZipHeaders.WriteSizes(sizes, crc, (uint)_compressed, (uint)_size);
            output.Position = _start + _headerAt + ZipHeaders.CrcOffsetInLocalHeader;
            await output.WriteAsync(sizes, ct);
            output.Position = end;
        }
        ZipHeaders.Central(_central, _name, _flags, chunk.Stored, time, crc, (uint)_compressed, (uint)_size, entry.UnixMode, (uint)_headerAt);
        _written.Add(new ZipEntryWritten(entry.Name, _size, _compressed, crc, entry.Executable, _content.GetCurrentHashAsUInt128()));
    }

    public async Task<ZipArchiveSummary> FinishAsync(CancellationToken ct)
    {
        var directoryAt = output.Position - _start;
        if (directoryAt + _central.Length > uint.MaxValue)
            throw new PackagingException("The archive would be larger than 4 GB, which needs ZIP64; no Lambda artifact can be that large. Exclude large files.");
        _central.Position = 0;
        await _central.CopyToAsync(output, ct);
        ZipHeaders.EndOfCentralDirectory(output, (ushort)_written.Count, (uint)_central.Length, (uint)directoryAt);
        await output.FlushAsync(ct);
        return new ZipArchiveSummary(_written, output.Position - _start);
    }
}
