using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline;

/// <summary>An error answered by CodePipeline: ErrorCode (from __type), Message, RequestId, StatusCode.</summary>
public class AmazonCodePipelineException : AmazonServiceException
{
    public AmazonCodePipelineException(string message) : base(message) { }

    public AmazonCodePipelineException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
}
