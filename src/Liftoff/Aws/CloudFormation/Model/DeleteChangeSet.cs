using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

public class DeleteChangeSetRequest : AmazonWebServiceRequest
{
    public string? ChangeSetName { get; set; }
    public string? StackName { get; set; }
}

public class DeleteChangeSetResponse : AmazonWebServiceResponse;
