using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

// The Lambda error codes Liftoff reacts to, typed as in the official SDK; others arrive as AmazonLambdaException.

public class ResourceNotFoundException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonLambdaException(message, inner, type, code, requestId, status);

/// <summary>The function is being updated, or the resource already exists.</summary>
public class ResourceConflictException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonLambdaException(message, inner, type, code, requestId, status);

/// <summary>A RevisionId or CodeSha256 precondition did not hold: someone else changed the function meanwhile.</summary>
public class PreconditionFailedException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonLambdaException(message, inner, type, code, requestId, status);

public class InvalidParameterValueException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonLambdaException(message, inner, type, code, requestId, status);

public class TooManyRequestsException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonLambdaException(message, inner, type, code, requestId, status);

public class CodeStorageExceededException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonLambdaException(message, inner, type, code, requestId, status);

public class ServiceException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonLambdaException(message, inner, type, code, requestId, status);
