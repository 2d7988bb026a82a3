using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

// The CodePipeline error codes Liftoff reacts to, typed as in the official SDK; others arrive as AmazonCodePipelineException.

public class PipelineNotFoundException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

public class PipelineExecutionNotFoundException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

public class StageNotFoundException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

public class ActionNotFoundException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

/// <summary>The approval was already approved or rejected.</summary>
public class ApprovalAlreadyCompletedException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

/// <summary>The token does not belong to the approval that is waiting (another execution superseded it).</summary>
public class InvalidApprovalTokenException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

public class ValidationException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

public class ConflictException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);

public class ConcurrentPipelineExecutionsLimitExceededException(string message, Exception? inner, ErrorType type, string? code, string? requestId, HttpStatusCode status)
    : AmazonCodePipelineException(message, inner, type, code, requestId, status);
