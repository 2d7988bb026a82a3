using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CloudWatch.Model;

/// <summary>Error code "InvalidNextToken".</summary>
public class InvalidNextTokenException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudWatchException(message, inner, type, code, requestId, status);
