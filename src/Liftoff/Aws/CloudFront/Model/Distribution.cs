namespace Liftoff.Aws.CloudFront.Model;

public class Distribution
{
    public string? Id { get; set; }
    public string? ARN { get; set; }
    /// <summary>"InProgress" while changes propagate, then "Deployed".</summary>
    public string? Status { get; set; }
    public DateTime? LastModifiedTime { get; set; }
    public int? InProgressInvalidationBatches { get; set; }
    /// <summary>The distribution's own host name, e.g. d111111abcdef8.cloudfront.net.</summary>
    public string? DomainName { get; set; }
    public DistributionConfig? DistributionConfig { get; set; }
}

/// <summary>The parts of a distribution's configuration Liftoff reads.</summary>
public class DistributionConfig
{
    public string? CallerReference { get; set; }
    public Aliases? Aliases { get; set; }
    public string? DefaultRootObject { get; set; }
    public Origins? Origins { get; set; }
    public string? Comment { get; set; }
    public bool? Enabled { get; set; }
    public PriceClass? PriceClass { get; set; }
}

public class Aliases
{
    public int? Quantity { get; set; }
    public List<string> Items { get; set; } = [];
}

public class Origins
{
    public int? Quantity { get; set; }
    public List<Origin> Items { get; set; } = [];
}

public class Origin
{
    public string? Id { get; set; }
    public string? DomainName { get; set; }
    public string? OriginPath { get; set; }
}
