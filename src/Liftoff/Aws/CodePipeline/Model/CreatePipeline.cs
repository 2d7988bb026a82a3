using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

/// <summary>Creates a pipeline from its structure (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_CreatePipeline.html).</summary>
public class CreatePipelineRequest : AmazonWebServiceRequest
{
    public PipelineDeclaration? Pipeline { get; set; }
    public List<Tag> Tags { get; set; } = [];
}

public class CreatePipelineResponse : AmazonWebServiceResponse
{
    public PipelineDeclaration? Pipeline { get; set; }
    public List<Tag> Tags { get; set; } = [];
}

/// <summary>A resource tag as CodePipeline spells it (key and value in camelCase on the wire).</summary>
public class Tag
{
    public string? Key { get; set; }
    public string? Value { get; set; }
}
