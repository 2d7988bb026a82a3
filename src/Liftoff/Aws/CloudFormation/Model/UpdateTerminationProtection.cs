using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

public class UpdateTerminationProtectionRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public bool? EnableTerminationProtection { get; set; }
}

public class UpdateTerminationProtectionResponse : AmazonWebServiceResponse
{
    public string? StackId { get; set; }
}
