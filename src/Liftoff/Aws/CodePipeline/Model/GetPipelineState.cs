using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

public class GetPipelineStateRequest : AmazonWebServiceRequest
{
    public string? Name { get; set; }
}

public class GetPipelineStateResponse : AmazonWebServiceResponse
{
    public string? PipelineName { get; set; }
    public int? PipelineVersion { get; set; }
    public List<StageState> StageStates { get; set; } = [];
    public DateTime? Created { get; set; }
    public DateTime? Updated { get; set; }
}
