namespace Liftoff.Packaging;

/// <summary>A project's built front end: every file to publish, with the headers to serve it with.</summary>
/// <param name="SourceDirectory">The built output folder the asset paths are relative to, itself relative to the repository root.</param>
public sealed record AssetManifest(string Project, IReadOnlyList<Asset> Assets, string SourceDirectory)
{
    public string FullSourceDirectory(string rootDirectory) =>
        Path.Combine(rootDirectory, SourceDirectory.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Where the built file of <paramref name="asset"/> lies on disk.</summary>
    public string LocalFileOf(Asset asset, string rootDirectory) =>
        Path.Combine(FullSourceDirectory(rootDirectory), asset.Path.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>One front-end file.</summary>
/// <param name="Path">Relative to the output folder, forward slashes; also its key in the site bucket.</param>
public sealed record Asset(string Path, string Sha256Hex, long Size, string ContentType, string CacheControl);
