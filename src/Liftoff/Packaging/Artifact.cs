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

    /// <summary>Where Upload stores it: content-addressed, so an unchanged artifact is never uploaded twice.</summary>
    public string ObjectKey => $"{Project}/{Function}/{Sha256Hex}.zip";

    public static string RelativePathFor(string project, string function) => $"artifacts/{project}/{function}.zip";
}
