using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

public class GetFunctionConfigurationRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    public string? Qualifier { get; set; }
}

public class GetFunctionConfigurationResponse : FunctionConfigurationResponse;
