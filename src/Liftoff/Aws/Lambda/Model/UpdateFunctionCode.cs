using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

/// <summary>New code for $LATEST: a zip in S3 (S3Bucket/S3Key[/S3ObjectVersion]) or inline (ZipFile, up to 50 MB).</summary>
public class UpdateFunctionCodeRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    public MemoryStream? ZipFile { get; set; }
    public string? S3Bucket { get; set; }
    public string? S3Key { get; set; }
    public string? S3ObjectVersion { get; set; }
    public string? ImageUri { get; set; }
    /// <summary>Also publish a version (Liftoff publishes separately, after waiting for the update).</summary>
    public bool? Publish { get; set; }
    public bool? DryRun { get; set; }
    /// <summary>Only update when the function's RevisionId still matches (optimistic locking).</summary>
    public string? RevisionId { get; set; }
    public List<string> Architectures { get; set; } = [];
}

public class UpdateFunctionCodeResponse : FunctionConfigurationResponse;
