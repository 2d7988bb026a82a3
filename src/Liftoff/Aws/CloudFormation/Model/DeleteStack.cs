using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

public class DeleteStackRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public List<string> RetainResources { get; set; } = [];
    public string? RoleARN { get; set; }
    public string? ClientRequestToken { get; set; }
}

public class DeleteStackResponse : AmazonWebServiceResponse;
