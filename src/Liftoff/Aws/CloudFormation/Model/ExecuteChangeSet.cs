using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

public class ExecuteChangeSetRequest : AmazonWebServiceRequest
{
    public string? ChangeSetName { get; set; }
    public string? StackName { get; set; }
    /// <summary>Marks the stack events this execution causes, so they can be told apart.</summary>
    public string? ClientRequestToken { get; set; }
    public bool? DisableRollback { get; set; }
}

public class ExecuteChangeSetResponse : AmazonWebServiceResponse;
