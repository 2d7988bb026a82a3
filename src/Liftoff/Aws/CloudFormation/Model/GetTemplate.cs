using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

public class GetTemplateRequest : AmazonWebServiceRequest
{
    public string? StackName { get; set; }
    public string? ChangeSetName { get; set; }
    public TemplateStage? TemplateStage { get; set; }
}

public class GetTemplateResponse : AmazonWebServiceResponse
{
    public string? TemplateBody { get; set; }
    public List<string> StagesAvailable { get; set; } = [];
}
