using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Liftoff.Aws.Local;

/// <summary>
/// A pipeline handler, inside the SDK's retry loop, for clients of an endpoint on this machine: a refused connection
/// there means nothing listens, so it fails at once with <see cref="LocalAwsStoppedException"/> instead of being retried
/// with back-off by every call of the run (a deploy's change set, its ledger record and its lock release each waited
/// seconds). AWS itself is never on loopback, so its retries are untouched; throttling and 5xx answers still retry.
/// </summary>
public sealed class LocalEndpointRefusal(string endpoint) : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception e) when (IsRefused(e))
        {
            throw new LocalAwsStoppedException(endpoint);
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception e) when (IsRefused(e))
        {
            throw new LocalAwsStoppedException(endpoint);
        }
    }

    public static bool IsRefused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                return true;
        return false;
    }

    /// <summary>Adds the handler to a client's pipeline when its endpoint is on this machine.</summary>
    public static void AddTo(RuntimePipeline pipeline, string? serviceUrl)
    {
        if (serviceUrl is not null && AwsConnection.IsLocalEndpoint(serviceUrl))
            pipeline.AddHandlerAfter<RetryHandler>(new LocalEndpointRefusal(serviceUrl.TrimEnd('/')));
    }
}
