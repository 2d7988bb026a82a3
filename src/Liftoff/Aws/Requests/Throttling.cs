using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.Requests;

/// <summary>Tells a throttled AWS call (retry later, never a failure) from a real error.</summary>
public static class Throttling
{
    // The codes AWS services use for "slow down": CloudFormation and CloudWatch answer Throttling,
    // Lambda TooManyRequestsException (HTTP 429), others RequestLimitExceeded or ThrottlingException.
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
        "TooManyRequests", "Rate exceeded",
    };

    public static bool IsThrottling(Exception exception) => exception switch
    {
        AmazonServiceException e => e.StatusCode == (HttpStatusCode)429
            || (e.ErrorCode is { } code && Codes.Contains(code))
            || e.Message.Contains("Rate exceeded", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
