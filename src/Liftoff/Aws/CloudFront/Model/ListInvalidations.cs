using Amazon.Runtime;

namespace Liftoff.Aws.CloudFront.Model;

public class ListInvalidationsRequest : AmazonWebServiceRequest
{
    public string? DistributionId { get; set; }
    /// <summary>Where to begin: the previous page's NextMarker. Pages run from the newest invalidation to the oldest.</summary>
    public string? Marker { get; set; }
    /// <summary>A number, sent as text (the model's type is string, as in the official SDK).</summary>
    public string? MaxItems { get; set; }
}

public class ListInvalidationsResponse : AmazonWebServiceResponse
{
    public InvalidationList? InvalidationList { get; set; }
}

public class InvalidationList
{
    public string? Marker { get; set; }
    public string? NextMarker { get; set; }
    public int? MaxItems { get; set; }
    public bool? IsTruncated { get; set; }
    public int? Quantity { get; set; }
    public List<InvalidationSummary> Items { get; set; } = [];
}

public class InvalidationSummary
{
    public string? Id { get; set; }
    public DateTime? CreateTime { get; set; }
    /// <summary>"InProgress" or "Completed" (moto says "COMPLETED").</summary>
    public string? Status { get; set; }
}
