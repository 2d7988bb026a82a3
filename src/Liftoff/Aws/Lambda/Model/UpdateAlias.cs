using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

/// <summary>
/// Points an alias at a version, optionally sending a share of traffic to another one
/// (RoutingConfig.AdditionalVersionWeights). An empty AdditionalVersionWeights clears the split.
/// </summary>
public class UpdateAliasRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    public string? Name { get; set; }
    public string? FunctionVersion { get; set; }
    public string? Description { get; set; }
    public AliasRoutingConfiguration? RoutingConfig { get; set; }
    /// <summary>Only update when the alias's RevisionId still matches (optimistic locking).</summary>
    public string? RevisionId { get; set; }
}

public class UpdateAliasResponse : AliasResponse;
