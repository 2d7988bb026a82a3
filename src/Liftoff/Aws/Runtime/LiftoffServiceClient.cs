using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Liftoff.Aws.Requests;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// Base of Liftoff's typed clients: the SDK's own client pipeline (credentials, signing, retries, clock
/// skew, endpoint settings, error parsing), with the two handlers every official client adds — an
/// endpoint resolver and an auth-scheme resolver — and one place that runs an <see cref="AwsOperation{TRequest,TResponse}"/>:
/// within the service's <see cref="RequestBudget"/> (a token bucket per operation, throttling retried for as long
/// as it takes, after the SDK's own retries), so callers call the client as they would the official SDK's.
/// </summary>
public abstract class LiftoffServiceClient : AmazonServiceClient
{
    private readonly ServiceErrors _errors;
    private readonly ICallerIdentity? _callerIdentity;
    private readonly IServiceMetadata _metadata;
    private readonly RequestBudget? _budget;

    /// <param name="budget">The service's request budget, shared by every client of the run; null sends at once.</param>
    protected LiftoffServiceClient(
        AWSCredentials credentials, LiftoffClientConfig config, ServiceErrors errors, ICallerIdentity? callerIdentity, RequestBudget? budget)
        : base(credentials, config)
    {
        _errors = errors;
        _callerIdentity = callerIdentity;
        _budget = budget;
        _metadata = new Metadata(config.Service.ServiceId);
    }

    protected override IServiceMetadata ServiceMetadata => _metadata;

    /// <summary>The service's request budget this client sends within (null: none).</summary>
    internal RequestBudget? Budget => _budget;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new LiftoffEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
        Local.LocalEndpointRefusal.AddTo(pipeline, Config.ServiceURL);
    }

    protected async Task<TResponse> ExecuteAsync<TRequest, TResponse>(
        AwsOperation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new InvokeOptions
        {
            RequestMarshaller = operation.Marshaller,
            ResponseUnmarshaller = operation.Unmarshaller,
        };
        try
        {
            return _budget is null || operation.DataPlane
                ? await InvokeAsync<TResponse>(request, options, cancellationToken).ConfigureAwait(false)
                : await _budget.SendAsync(operation.Name, token => InvokeAsync<TResponse>(request, options, token), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException e) when (AccessDenied.Is(e))
        {
            var caller = _callerIdentity is null ? null : await _callerIdentity.GetCallerArnAsync(cancellationToken).ConfigureAwait(false);
            var action = $"{((LiftoffClientConfig)Config).Service.IamActionPrefix}:{operation.IamAction}";
            throw _errors.Create(AccessDenied.Describe(action, operation.ResourceOf(request), caller, e.Message),
                e, e.ErrorType, e.ErrorCode, e.RequestId, e.StatusCode);
        }
    }

    private sealed class Metadata(string serviceId) : IServiceMetadata
    {
        public string ServiceId { get; } = serviceId;
        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
