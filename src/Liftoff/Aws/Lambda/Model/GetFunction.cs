using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

public class GetFunctionRequest : AmazonWebServiceRequest
{
    /// <summary>Name, ARN or partial ARN; may carry a qualifier (name:version).</summary>
    public string? FunctionName { get; set; }
    /// <summary>A version number or alias name.</summary>
    public string? Qualifier { get; set; }
}

public class GetFunctionResponse : AmazonWebServiceResponse
{
    public FunctionConfiguration? Configuration { get; set; }
    public FunctionCodeLocation? Code { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
    public Concurrency? Concurrency { get; set; }
}

public class FunctionCodeLocation
{
    public string? RepositoryType { get; set; }
    /// <summary>A presigned URL to download the deployment package (valid for 10 minutes).</summary>
    public string? Location { get; set; }
    public string? ImageUri { get; set; }
    public string? ResolvedImageUri { get; set; }
}

public class Concurrency
{
    public int? ReservedConcurrentExecutions { get; set; }
}
