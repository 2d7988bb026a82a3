using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Liftoff.Building;
using Liftoff.Packaging.Zip;

namespace Liftoff.Packaging;

/// <summary>
/// The hash of everything an artifact's bytes (and its verification) depend on: each file's entry name,
/// mode and content, plus the runtime, handler, compression level, timestamp and ZIP layout version, and
/// the environment the handler check loads it under (<see cref="LambdaEnvironment.Inputs"/>).
/// Never an absolute path, so a checkout in another folder or on a CI runner hashes the same; the mode
/// is in, so a chmod-only change makes a new artifact. XxHash128: fast, and this is a cache key, not a seal.
/// </summary>
public static class InputsHash
{
    // Bump when the writer's output for the same inputs changes (entry layout, chunking, headers).
    private const string LayoutVersion = "liftoff-zip-1";

    /// <param name="known">Hashes remembered from earlier runs: a file with the size and time it had then is not read again.</param>
    public static async Task<string> ComputeAsync(ArtifactRequest request, IReadOnlyList<ZipEntrySource> files,
        PackagingSettings settings, CancellationToken ct, ContentHashCache? known = null)
    {
        var contents = new UInt128[files.Count];
        try
        {
            await Task.Run(() => Parallel.For(0, files.Count,
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelism, CancellationToken = ct },
                i => contents[i] = Remembered(files[i], known, ct)), ct);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<PackagingException>().FirstOrDefault() is { } unreadable)
        {
            throw unreadable;
        }

        return Combine(request, files, settings, contents);
    }

    /// <summary>The inputs hash from each file's XxHash128, in the same order as <paramref name="files"/>.</summary>
    public static string Combine(ArtifactRequest request, IReadOnlyList<ZipEntrySource> files, PackagingSettings settings, IReadOnlyList<UInt128> contents)
    {
        if (contents.Count != files.Count) throw new ArgumentException("One content hash per file is needed.", nameof(contents));
        var all = new XxHash128();
        Append(all, $"{LayoutVersion}\n{ChunkCompressor.ChunkSize}\n{settings.CompressionLevel}\n" +
                    $"{settings.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}\n{request.Runtime}\n{request.Handler}\n{files.Count}\n");
        // The handler check's environment: an artifact checked under other inputs is checked again.
        Append(all, string.Join('\n', HandlerEnvironment.Of(request).Inputs) + "\n");
        for (var i = 0; i < files.Count; i++)
            Append(all, $"{files[i].Name}\0{Convert.ToString(files[i].UnixMode, 8)}\0{files[i].Length}\0{contents[i]:x32}\n");
        return Convert.ToHexStringLower(all.GetCurrentHash());
    }

    private static void Append(XxHash128 hash, string text) => hash.Append(Encoding.UTF8.GetBytes(text));

    private static UInt128 Remembered(ZipEntrySource file, ContentHashCache? known, CancellationToken ct)
    {
        if (known is null || file.ModifiedUtc == default) return HashFile(file, ct);
        var text = known.HashOf(file.FullPath, file.Length, file.ModifiedUtc, () => HashFile(file, ct).ToString("x32", CultureInfo.InvariantCulture));
        return UInt128.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash) ? hash : HashFile(file, ct);
    }

    /// <summary>The XxHash128 of a file's content as it is now, read the way the ZIP writer reads it.</summary>
    internal static UInt128 HashFile(ZipEntrySource file, CancellationToken ct)
    {
        if (file.Length == 0) return XxHash128.HashToUInt128([]); // never opened: a FIFO would block
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(file.Length, 1 << 20));
        try
        {
            using var handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var hash = new XxHash128();
            long offset = 0;
            int read;
            while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                hash.Append(buffer.AsSpan(0, read));
                offset += read;
            }
            return hash.GetCurrentHashAsUInt128();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackagingException($"Cannot read '{file.Name}' ({file.FullPath}): {e.Message} Make the file readable or exclude it from the artifact.", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
