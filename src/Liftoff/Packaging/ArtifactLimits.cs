namespace Liftoff.Packaging;

/// <summary>
/// Size limits an artifact must respect. The defaults are Lambda's: 250 MB unzipped (function code and
/// layers together; AWS counts 262,144,000 bytes) and 50 MB zipped for a direct upload (52,428,800 bytes).
/// Injectable so tests can prove the check without writing 250 MB.
/// </summary>
public sealed record ArtifactLimits(long MaxUnzippedBytes, long MaxZippedBytes)
{
    public static ArtifactLimits Lambda { get; } = new(250L * 1024 * 1024, 50L * 1024 * 1024);
}
