using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CloudFront;

/// <summary>An error answered by CloudFront: ErrorCode, Message, RequestId, StatusCode.</summary>
public class AmazonCloudFrontException : AmazonServiceException
{
    public AmazonCloudFrontException(string message) : base(message) { }

    public AmazonCloudFrontException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
}
