using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

// The CloudFormation error codes Liftoff reacts to, typed as in the official SDK; others arrive as AmazonCloudFormationException.

public class AlreadyExistsException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFormationException(message, inner, type, code, requestId, status);

/// <summary>Error code "ChangeSetNotFound".</summary>
public class ChangeSetNotFoundException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFormationException(message, inner, type, code, requestId, status);

public class InsufficientCapabilitiesException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFormationException(message, inner, type, code, requestId, status);

/// <summary>Error code "InvalidChangeSetStatus": the change set cannot be executed or deleted in its state.</summary>
public class InvalidChangeSetStatusException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFormationException(message, inner, type, code, requestId, status);

public class LimitExceededException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFormationException(message, inner, type, code, requestId, status);

public class TokenAlreadyExistsException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFormationException(message, inner, type, code, requestId, status);

public class StackNotFoundException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCloudFormationException(message, inner, type, code, requestId, status);
