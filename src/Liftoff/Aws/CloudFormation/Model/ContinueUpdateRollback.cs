using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

/// <summary>Resumes a rollback that stopped in UPDATE_ROLLBACK_FAILED, optionally skipping resources that cannot roll back.</summary>
public class ContinueUpdateRollbackRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public string? RoleARN { get; set; }
    public List<string> ResourcesToSkip { get; set; } = [];
    public string? ClientRequestToken { get; set; }
}

public class ContinueUpdateRollbackResponse : AmazonWebServiceResponse;
