using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

public class GetAliasRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    public string? Name { get; set; }
}

public class GetAliasResponse : AliasResponse;

/// <summary>The members of an alias on a response (GetAlias, CreateAlias, UpdateAlias answer with one).</summary>
public abstract class AliasResponse : AmazonWebServiceResponse
{
    public string? AliasArn { get; set; }
    public string? Name { get; set; }
    public string? FunctionVersion { get; set; }
    public string? Description { get; set; }
    public AliasRoutingConfiguration? RoutingConfig { get; set; }
    public string? RevisionId { get; set; }
}
