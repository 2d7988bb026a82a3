namespace Liftoff.Aws.Storage;

/// <summary>What a HEAD request says about an object Liftoff stored (its sha256 is Liftoff's own metadata).</summary>
public sealed record StoredObject(
    string Key,
    long Size,
    string ETag,
    string? VersionId,
    DateTime LastModified,
    string? Sha256Hex,
    string? ContentType,
    string? CacheControl,
    string? ChecksumSha256Base64 = null);
