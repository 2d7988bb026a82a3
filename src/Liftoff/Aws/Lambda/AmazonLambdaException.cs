using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.Lambda;

/// <summary>An error answered by Lambda: ErrorCode (from X-Amzn-ErrorType), Message, RequestId, StatusCode.</summary>
public class AmazonLambdaException : AmazonServiceException
{
    public AmazonLambdaException(string message) : base(message) { }

    public AmazonLambdaException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
}
