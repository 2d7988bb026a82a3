using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CloudFront.Model;

// The CloudFront error codes Liftoff reacts to, typed as in the official SDK; others arrive as AmazonCloudFrontException.

/// <summary>Error code "NoSuchDistribution".</summary>
public class NoSuchDistributionException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFrontException(message, inner, type, code, requestId, status);

/// <summary>Error code "NoSuchInvalidation".</summary>
public class NoSuchInvalidationException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFrontException(message, inner, type, code, requestId, status);

/// <summary>Error code "TooManyInvalidationsInProgress": wait for running invalidations, then retry.</summary>
public class TooManyInvalidationsInProgressException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFrontException(message, inner, type, code, requestId, status);

/// <summary>Error code "BatchTooLarge".</summary>
public class BatchTooLargeException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFrontException(message, inner, type, code, requestId, status);

/// <summary>Error code "InvalidArgument".</summary>
public class InvalidArgumentException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFrontException(message, inner, type, code, requestId, status);
