using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

public class GetPipelineExecutionRequest : AmazonWebServiceRequest
{
    public string? PipelineName { get; set; }
    public string? PipelineExecutionId { get; set; }
}

public class GetPipelineExecutionResponse : AmazonWebServiceResponse
{
    public PipelineExecution? PipelineExecution { get; set; }
}
