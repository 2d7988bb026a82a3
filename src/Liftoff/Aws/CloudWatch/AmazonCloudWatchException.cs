using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CloudWatch;

/// <summary>An error answered by CloudWatch: ErrorCode, Message, RequestId, StatusCode.</summary>
public class AmazonCloudWatchException : AmazonServiceException
{
    public AmazonCloudWatchException(string message) : base(message) { }

    public AmazonCloudWatchException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
}
