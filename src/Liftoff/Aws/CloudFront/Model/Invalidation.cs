namespace Liftoff.Aws.CloudFront.Model;

public class Invalidation
{
    public string? Id { get; set; }
    /// <summary>"InProgress", then "Completed".</summary>
    public string? Status { get; set; }
    public DateTime? CreateTime { get; set; }
    public InvalidationBatch? InvalidationBatch { get; set; }
}

public class InvalidationBatch
{
    public Paths? Paths { get; set; }
    /// <summary>Unique per request: CloudFront treats a repeated reference with the same paths as the same invalidation.</summary>
    public string? CallerReference { get; set; }
}

/// <summary>Paths to invalidate ("/index.html", "/assets/*"). Quantity is sent as Items.Count unless set (the official SDK sends it as set).</summary>
public class Paths
{
    public int? Quantity { get; set; }
    public List<string> Items { get; set; } = [];
}
