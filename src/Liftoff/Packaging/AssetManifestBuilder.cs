using System.Security.Cryptography;
using Liftoff.Building;
using Liftoff.Configuration;

namespace Liftoff.Packaging;

/// <summary>
/// Lists a project's built front end (its configured output folder) for publishing: every file with its
/// SHA-256, size, Content-Type and Cache-Control, sorted by path. Paths are relative with forward slashes,
/// so the manifest is the same in any checkout folder.
/// </summary>
public static class AssetManifestBuilder
{
    public static async Task<AssetManifest> BuildAsync(string project, string outputDirectory, string rootDirectory, int maxParallelism, CancellationToken ct)
    {
        if (!Directory.Exists(outputDirectory))
            throw new PackagingException($"The front end of {project} has no built output at {outputDirectory}. Run Compile (it runs the front end's build command) or check frontEnd.outputDirectory in project.yaml.");
        // Every file published must really be inside the repository: the output folder, and each file in it.
        var boundary = new RepositoryBoundary(rootDirectory);
        if (boundary.EscapeOf(outputDirectory) is { } escape)
            throw new PackagingException($"The front end of {project} is built into {outputDirectory}, but {escape}. Build into a folder inside the repository.");
        var files = new DirectoryInfo(outputDirectory).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(file => (File: file, Name: Path.GetRelativePath(outputDirectory, file.FullName).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => !f.Name.Split('/').Contains(".git"))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var assets = new Asset[files.Count];
        // Hashing every file is most of a front end's cost: an unchanged file (same size and time) is not read again.
        var known = await ContentHashCache.LoadAsync(ContentHashCache.FileFor(rootDirectory, "frontend", project), ct);
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = ct },
            async (i, token) => assets[i] = await DescribeAsync(project, files[i].File, files[i].Name, boundary, known, token));
        await known.SaveAsync(ct);
        var source = Path.GetRelativePath(rootDirectory, outputDirectory).Replace(Path.DirectorySeparatorChar, '/');
        return new AssetManifest(project, assets, source);
    }

    private static async Task<Asset> DescribeAsync(
        string project, FileInfo file, string name, RepositoryBoundary boundary, ContentHashCache known, CancellationToken ct)
    {
        var path = file.FullName;
        var real = RealPath.Of(path);
        if (!RealPath.IsInside(real, boundary.RealRoot))
            throw new PackagingException($"'{name}' in the front end of {project}: {boundary.EscapeOf(path)}. Copy the file into the build output instead.");
        try
        {
            var target = real == path ? file : new FileInfo(real);
            var sha256 = await known.HashOfAsync(real, target.Length, target.LastWriteTimeUtc, async () =>
            {
                await using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            });
            return new Asset(name, sha256, target.Length, ContentTypes.For(name), CachePolicy.For(name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackagingException($"Cannot read '{name}' ({path}) in the front end of {project}: {e.Message}", e);
        }
    }
}
