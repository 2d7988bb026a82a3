using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.Runtime;

/// <summary>Creates a service's typed exception from what the SDK's error unmarshaller parsed.</summary>
public delegate AmazonServiceException ServiceExceptionFactory(
    string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode);

/// <summary>
/// One service's error codes → exception types (like the official generated unmarshallers' if-chains),
/// with the service's base exception for every other code.
/// </summary>
public sealed class ServiceErrors(ServiceExceptionFactory fallback, IReadOnlyDictionary<string, ServiceExceptionFactory> byCode)
{
    /// <summary>The error codes that get a typed exception (each must be an error shape of the service's model).</summary>
    public IEnumerable<string> TypedCodes => byCode.Keys;

    public AmazonServiceException Create(
        string? message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
    {
        var factory = errorCode is not null && byCode.TryGetValue(errorCode, out var typed) ? typed : fallback;
        return factory(message ?? $"The service answered HTTP {(int)statusCode} ({errorCode ?? "no error code"}).",
            innerException, errorType, errorCode, requestId, statusCode);
    }
}
