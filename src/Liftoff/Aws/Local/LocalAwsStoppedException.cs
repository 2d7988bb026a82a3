using System.Net;
using Amazon.Runtime;

namespace Liftoff.Aws.Local;

/// <summary>
/// Nothing answers at a local AWS's endpoint (connection refused): it is stopped. An AmazonServiceException, so code
/// that already handles a failed AWS call handles this one, with a status the SDK does not retry.
/// </summary>
public sealed class LocalAwsStoppedException(string endpoint)
    : AmazonServiceException(
        $"Nothing answers at {endpoint} (connection refused): the local AWS has stopped. Start it again " +
        "(./build.sh LocalAws --env local starts moto; restart a LocalStack you run yourself), then run the command again.",
        ErrorType.Unknown, "LocalAwsStopped", requestId: null, (HttpStatusCode)0)
{
    public string Endpoint { get; } = endpoint;
}
