using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

/// <summary>Approves or rejects a manual approval action; Token comes from GetPipelineState.</summary>
public class PutApprovalResultRequest : AmazonWebServiceRequest
{
    public string? PipelineName { get; set; }
    public string? StageName { get; set; }
    public string? ActionName { get; set; }
    public ApprovalResult? Result { get; set; }
    public string? Token { get; set; }
}

public class ApprovalResult
{
    public string? Summary { get; set; }
    public ApprovalStatus? Status { get; set; }
}

public class PutApprovalResultResponse : AmazonWebServiceResponse
{
    public DateTime? ApprovedAt { get; set; }
}
