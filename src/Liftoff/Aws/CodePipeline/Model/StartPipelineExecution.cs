using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

public class StartPipelineExecutionRequest : AmazonWebServiceRequest
{
    public string? Name { get; set; }
    public List<PipelineVariable> Variables { get; set; } = [];
    /// <summary>Makes a retried start idempotent: the same token never starts a second execution.</summary>
    public string? ClientRequestToken { get; set; }
}

public class StartPipelineExecutionResponse : AmazonWebServiceResponse
{
    public string? PipelineExecutionId { get; set; }
}
