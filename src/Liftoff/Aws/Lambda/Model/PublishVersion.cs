using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

/// <summary>
/// Publishes $LATEST as a new version. With unchanged code and configuration AWS returns the latest
/// existing version instead of creating one.
/// </summary>
public class PublishVersionRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    /// <summary>Only publish when $LATEST's code has this SHA-256 (base64), so a concurrent update is not published by mistake.</summary>
    public string? CodeSha256 { get; set; }
    public string? Description { get; set; }
    public string? RevisionId { get; set; }
}

public class PublishVersionResponse : FunctionConfigurationResponse;
