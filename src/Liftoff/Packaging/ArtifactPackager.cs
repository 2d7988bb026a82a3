using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Liftoff.Building;
using Liftoff.Packaging.Zip;

namespace Liftoff.Packaging;

/// <summary>
/// Turns staging folders into artifacts/{project}/{function}.zip and records them in artifacts/manifest.json.
/// Functions are packaged in parallel and share one compression gate sized to the cores. A ZIP is written
/// beside its final name and renamed into place only once it is within the limits and verified, so a
/// failure or Ctrl-C never leaves a half-written or unverified artifact under the name Upload reads.
/// </summary>
public sealed class ArtifactPackager(string rootDirectory, PackagingSettings settings)
{
    /// <summary>Loads each new artifact's handler before it replaces the old one; null skips that check.</summary>
    public HandlerVerifier? Verifier { get; init; }

    /// <param name="force">Rebuild even when the inputs hash says the existing artifact is current.</param>
    /// <exception cref="PackagingException">Any function failed; its message names every failure. The
    /// manifest still records the functions that succeeded.</exception>
    public async Task<IReadOnlyList<PackageResult>> PackageAsync(IReadOnlyList<ArtifactRequest> requests, bool force, CancellationToken ct)
    {
        var duplicate = requests.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new PackagingException($"{duplicate.Key} was asked for twice; function names must be unique within a project.");

        var previous = await ArtifactManifest.LoadAsync(rootDirectory, ct);
        using var cpu = new SemaphoreSlim(settings.MaxParallelism);
        using var loads = new SemaphoreSlim(settings.MaxParallelism);
        var results = new PackageResult?[requests.Count];
        var failures = new PackagingException?[requests.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, settings.MaxParallelism), CancellationToken = ct },
            async (i, token) =>
            {
                try { results[i] = await PackageOneAsync(requests[i], previous, force, cpu, loads, token); }
                catch (PackagingException e) { failures[i] = e; }
            });

        var done = results.OfType<PackageResult>().ToList();
        if (done.Any(r => r.Outcome == PackageOutcome.Packaged))
            await (await ArtifactManifest.LoadAsync(rootDirectory, ct)).With(done.Select(r => r.Artifact)).SaveAsync(rootDirectory, ct);

        var failed = failures.OfType<PackagingException>().ToList();
        if (failed.Count == 1) throw failed[0];
        if (failed.Count > 1)
            throw new PackagingException($"{failed.Count} functions failed to package:\n\n" + string.Join("\n\n", failed.Select(f => f.Message)));
        return done;
    }

    private async Task<PackageResult> PackageOneAsync(ArtifactRequest request, ArtifactManifest previous, bool force,
        SemaphoreSlim cpu, SemaphoreSlim loads, CancellationToken ct)
    {
        var known = await ContentHashCache.LoadAsync(ContentHashCache.FileFor(rootDirectory, "package", request.Project, request.Function), ct);
        var result = await PackageOneAsync(request, previous, force, known, cpu, loads, ct);
        await known.SaveAsync(ct);
        return result;
    }

    private async Task<PackageResult> PackageOneAsync(ArtifactRequest request, ArtifactManifest previous, bool force, ContentHashCache known,
        SemaphoreSlim cpu, SemaphoreSlim loads, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (force || previous.Find(request.Project, request.Function) is null) Verifier?.Prepare(request, ct);
        var files = await Task.Run(() => FileSelection.Select(request, ct), ct);
        if (files.Count == 0)
            throw new PackagingException($"Nothing to package for {request.Name}: {request.StagingDirectory} has no files left after exclusions. Check the build output and the exclude/include globs in project.yaml.");
        var relativePath = Artifact.RelativePathFor(request.Project, request.Function);
        var path = Path.Combine(rootDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));

        // Only a previous artifact can be reused; otherwise the hash comes from the compression pass.
        var existing = force ? null : previous.Find(request.Project, request.Function);
        string? inputsHash = null;
        if (existing is not null)
        {
            inputsHash = await InputsHash.ComputeAsync(request, files, settings, ct, known);
            if (existing.InputsHash == inputsHash && existing.Path == relativePath && await IsIntactAsync(path, existing, known, ct))
                return new PackageResult(existing, PackageOutcome.UpToDate, clock.Elapsed);
        }

        // The handler loads while the ZIP is written: the two share the cores instead of taking turns.
        await using var check = Verifier?.Start(request, files, loads, ct);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{request.Function}.{Guid.NewGuid():N}.zip.tmp");
        try
        {
            ZipArchiveSummary summary;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
                summary = await new DeterministicZipWriter(settings.CompressionLevel, settings.Timestamp, cpu).WriteAsync(files, output, ct);
            if (ArtifactTooLargeException.Exceeds(summary, settings.Limits))
                throw new ArtifactTooLargeException(request.Name, summary, settings.Limits);
            inputsHash ??= InputsHash.Combine(request, files, settings, summary.Entries.Select(e => e.ContentHash).ToList());
            var sha256 = await Sha256Async(temp, ct);
            var warnings = check is null ? [] : await check.ConfirmAsync(temp, summary, ct);
            File.Move(temp, path, overwrite: true);
            Remember(known, files, summary, path, sha256);
            var artifact = new Artifact(request.Project, request.Function, request.Runtime, request.Handler,
                Convert.ToHexStringLower(sha256), Convert.ToBase64String(sha256), summary.ArchiveSize,
                summary.UncompressedSize, summary.FileCount, inputsHash, relativePath);
            return new PackageResult(artifact, PackageOutcome.Packaged, clock.Elapsed) { Warnings = warnings };
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The hashes the compression pass took, and the new ZIP's, for the next run to find by size and time.</summary>
    private static void Remember(ContentHashCache known, IReadOnlyList<ZipEntrySource> files, ZipArchiveSummary summary, string zip, byte[] sha256)
    {
        if (summary.Entries.Count == files.Count)
            for (var i = 0; i < files.Count; i++)
                if (files[i].ModifiedUtc != default && summary.Entries[i].Name == files[i].Name && summary.Entries[i].Size == files[i].Length)
                    known.Remember(files[i].FullPath, files[i].Length, files[i].ModifiedUtc, summary.Entries[i].ContentHash.ToString("x32", CultureInfo.InvariantCulture));
        var written = new FileInfo(zip);
        known.Remember(written.FullName, written.Length, written.LastWriteTimeUtc, Convert.ToHexStringLower(sha256));
    }

    /// <summary>The ZIP on disk is the one the manifest describes (not deleted, truncated or edited since).</summary>
    private static async Task<bool> IsIntactAsync(string path, Artifact artifact, ContentHashCache known, CancellationToken ct)
    {
        var zip = new FileInfo(path);
        if (!zip.Exists || zip.Length != artifact.Size) return false;
        var sha256 = await known.HashOfAsync(zip.FullName, zip.Length, zip.LastWriteTimeUtc,
            async () => Convert.ToHexStringLower(await Sha256Async(path, ct)));
        return sha256 == artifact.Sha256Hex;
    }

    private static async Task<byte[]> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return await SHA256.HashDataAsync(stream, ct);
    }
}
