namespace Liftoff.Uploading;

public sealed record ArtifactUploadOptions
{
    /// <summary>Files this large or larger go multipart. 16 MiB: Lambda zips are usually far smaller, and one PUT is one round trip.</summary>
    public long MultipartThreshold { get; init; } = 16 * 1024 * 1024;

    /// <summary>S3 accepts parts of at least 5 MiB (except the last).</summary>
    public long PartSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>Artifacts in flight at once, across all projects and functions.</summary>
    public int MaxParallelUploads { get; init; } = 4;
}
