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

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    public static string Base64FromHex(string sha256Hex) => Convert.ToBase64String(Convert.FromHexString(sha256Hex));
}
