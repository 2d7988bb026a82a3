namespace Liftoff.Packaging;

/// <summary>One function's packaged code, as recorded in artifacts/manifest.json.</summary>
/// <param name="Sha256Hex">SHA-256 of the ZIP, lowercase hex: the S3 key is {project}/{function}/{Sha256Hex}.zip.</param>
/// <param name="Sha256Base64">The same hash in base64: what Lambda reports as CodeSha256 after an update.</param>
/// <param name="Size">Bytes of the ZIP.</param>
/// <param name="UncompressedSize">Bytes of every entry unpacked (Lambda's 250 MB limit applies to this).</param>
/// <param name="InputsHash">Hash of what the ZIP was made from (see <see cref="InputsHash"/>); equal means reusable.</param>
/// <param name="Path">The ZIP relative to the repository root, forward slashes: artifacts/{project}/{function}.zip.</param>
public sealed record Artifact(
    string Project,
    string Function,
    string Runtime,
    string Handler,
    string Sha256Hex,
    string Sha256Base64,
    long Size,
    long UncompressedSize,
    int FileCount,
    string InputsHash,
    string Path)
{
    public string FullPath(string rootDirectory) => System.IO.Path.Combine(rootDirectory, Path.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Where Upload stores it and Deploy points Lambda at it (also recorded in the manifest as objectKey).</summary>
    public string ObjectKey => ObjectKeyFor(Project, Function, Sha256Hex);

    /// <summary>
    /// The one rule for an artifact's key in the artifact bucket: content-addressed, so an unchanged artifact is
    /// never uploaded twice and a key never changes meaning.
    /// </summary>
    public static string ObjectKeyFor(string project, string function, string sha256Hex) => $"{project}/{function}/{sha256Hex}.zip";

    public static string RelativePathFor(string project, string function) => $"artifacts/{project}/{function}.zip";
}
