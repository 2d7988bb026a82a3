using System.Security.Cryptography;

namespace Liftoff.Aws.Storage;

/// <summary>sha256 of content, in the two spellings S3 and Lambda use (lowercase hex, base64).</summary>
public static class ContentHash
{
    public static async Task<byte[]> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await SHA256.HashDataAsync(stream, cancellationToken);
    }

    public static byte[] Of(ReadOnlySpan<byte> content) => SHA256.HashData(content);

    /// <summary>
    /// A built front-end file about to be stored under its manifest's hash must still have that hash: otherwise it
    /// changed after Package listed it, and whatever the key promises would be false.
    /// </summary>
    public static async Task VerifyBuiltFileAsync(string path, string sha256Hex, CancellationToken cancellationToken)
    {
        var actual = Hex(await OfFileAsync(path, cancellationToken));
        if (!string.Equals(actual, sha256Hex, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"{path} changed after its asset manifest was made (sha256 {actual}, manifest says {sha256Hex}). " +
                "Run `./build.sh Package` again, then upload and deploy.");
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    public static string Base64FromHex(string sha256Hex) => Convert.ToBase64String(Convert.FromHexString(sha256Hex));
}
