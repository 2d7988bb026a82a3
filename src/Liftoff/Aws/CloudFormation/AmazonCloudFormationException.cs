using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation;

/// <summary>
/// An error answered by CloudFormation. Many arrive as ErrorCode "ValidationError" with the detail in
/// the message (a missing stack: "Stack with id X does not exist").
/// </summary>
public class AmazonCloudFormationException : AmazonServiceException
{
    public AmazonCloudFormationException(string message) : base(message) { }

    public AmazonCloudFormationException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
}
