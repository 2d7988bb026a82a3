using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

public class GetPipelineRequest : AmazonWebServiceRequest
{
    public string? Name { get; set; }
    /// <summary>A past version; the current one when unset.</summary>
    public int? Version { get; set; }
}

public class GetPipelineResponse : AmazonWebServiceResponse
{
    public PipelineDeclaration? Pipeline { get; set; }
    public PipelineMetadata? Metadata { get; set; }
}
