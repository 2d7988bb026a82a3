namespace Liftoff.Aws.Lambda.Model;

/// <summary>An alias as ListAliases returns it.</summary>
public class AliasConfiguration
{
    public string? AliasArn { get; set; }
    public string? Name { get; set; }
    public string? FunctionVersion { get; set; }
    public string? Description { get; set; }
    public AliasRoutingConfiguration? RoutingConfig { get; set; }
    public string? RevisionId { get; set; }
}

/// <summary>Weighted routing of an alias: version → share of traffic (0.0–1.0) sent to it instead of FunctionVersion.</summary>
public class AliasRoutingConfiguration
{
    public Dictionary<string, double> AdditionalVersionWeights { get; set; } = [];
}
