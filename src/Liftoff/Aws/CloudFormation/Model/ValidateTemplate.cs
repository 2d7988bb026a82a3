using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

public class ValidateTemplateRequest : AmazonWebServiceRequest
{
    public string? TemplateBody { get; set; }
    public string? TemplateURL { get; set; }
}

public class ValidateTemplateResponse : AmazonWebServiceResponse
{
    public List<TemplateParameter> Parameters { get; set; } = [];
    public string? Description { get; set; }
    public List<string> Capabilities { get; set; } = [];
    public string? CapabilitiesReason { get; set; }
    public List<string> DeclaredTransforms { get; set; } = [];
}

public class TemplateParameter
{
    public string? ParameterKey { get; set; }
    public string? DefaultValue { get; set; }
    public bool? NoEcho { get; set; }
    public string? Description { get; set; }
}
