using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

/// <summary>One page of a function's versions ($LATEST first); pass NextMarker back as Marker for the next.</summary>
public class ListVersionsByFunctionRequest : AmazonWebServiceRequest
{
    public string? FunctionName { get; set; }
    public string? Marker { get; set; }
    public int? MaxItems { get; set; }
}

public class ListVersionsByFunctionResponse : AmazonWebServiceResponse
{
    public List<FunctionConfiguration> Versions { get; set; } = [];
    public string? NextMarker { get; set; }
}
