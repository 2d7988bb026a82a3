using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// One API operation: its name in the service model, the marshaller that turns the request into HTTP and
/// the unmarshaller that reads the answer, and what resource a request acts on and which IAM action
/// allows it (for access-denied messages).
/// </summary>
/// <param name="iamAction">The IAM action when it is not the operation's name (Lambda's Invoke is lambda:InvokeFunction).</param>
public sealed class AwsOperation<TRequest, TResponse>(
    string name,
    Func<TRequest, IRequest> marshall,
    ResponseUnmarshaller unmarshaller,
    Func<TRequest, string?>? resource = null,
    string? iamAction = null)
    where TRequest : AmazonWebServiceRequest
    where TResponse : AmazonWebServiceResponse, new()
{
    public string Name { get; } = name;
    public string IamAction { get; } = iamAction ?? name;
    public IMarshaller<IRequest, AmazonWebServiceRequest> Marshaller { get; } = new DelegateMarshaller(r => marshall((TRequest)r));
    public ResponseUnmarshaller Unmarshaller { get; } = unmarshaller;
    public string? ResourceOf(TRequest request) => resource?.Invoke(request);

    /// <summary>
    /// Limited by what it runs (Lambda Invoke: the function's concurrency), not by a per-API request rate: sent
    /// outside the service's request budget, so a throttle surfaces after the SDK's retries for the caller to judge.
    /// </summary>
    public bool DataPlane { get; init; }

    private sealed class DelegateMarshaller(Func<AmazonWebServiceRequest, IRequest> marshall)
        : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public IRequest Marshall(AmazonWebServiceRequest input) => marshall(input);
    }
}
