using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

/// <summary>Replaces a pipeline's structure; send back what GetPipeline returned, changed.</summary>
public class UpdatePipelineRequest : AmazonWebServiceRequest
{
    public PipelineDeclaration? Pipeline { get; set; }
}

public class UpdatePipelineResponse : AmazonWebServiceResponse
{
    public PipelineDeclaration? Pipeline { get; set; }
}
