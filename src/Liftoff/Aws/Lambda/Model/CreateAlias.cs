using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

public class CreateAliasRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    public string? Name { get; set; }
    public string? FunctionVersion { get; set; }
    public string? Description { get; set; }
    public AliasRoutingConfiguration? RoutingConfig { get; set; }
}

public class CreateAliasResponse : AliasResponse;
