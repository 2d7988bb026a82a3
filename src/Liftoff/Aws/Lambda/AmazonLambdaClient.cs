using Amazon.Runtime;
using Liftoff.Aws.Lambda.Internal;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Requests;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.Lambda;

/// <summary>Lambda on AWSSDK.Core's pipeline. Create through <see cref="AwsClients"/> in Liftoff's code.</summary>
public class AmazonLambdaClient : LiftoffServiceClient, IAmazonLambda
{
    public AmazonLambdaClient(AWSCredentials credentials, AmazonLambdaConfig config, ICallerIdentity? callerIdentity = null, RequestBudget? budget = null)
        : base(credentials, config, LambdaErrors.Instance, callerIdentity, budget)
    {
        Paginators = new LambdaPaginatorFactory(this);
    }

    public ILambdaPaginatorFactory Paginators { get; }

    public Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.GetFunction, request, cancellationToken);

    public Task<GetFunctionConfigurationResponse> GetFunctionConfigurationAsync(GetFunctionConfigurationRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.GetFunctionConfiguration, request, cancellationToken);

    public Task<UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.UpdateFunctionCode, request, cancellationToken);

    public Task<PublishVersionResponse> PublishVersionAsync(PublishVersionRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.PublishVersion, request, cancellationToken);

    public Task<ListVersionsByFunctionResponse> ListVersionsByFunctionAsync(ListVersionsByFunctionRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.ListVersionsByFunction, request, cancellationToken);

    public Task<GetAliasResponse> GetAliasAsync(GetAliasRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.GetAlias, request, cancellationToken);

    public Task<CreateAliasResponse> CreateAliasAsync(CreateAliasRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.CreateAlias, request, cancellationToken);

    public Task<UpdateAliasResponse> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.UpdateAlias, request, cancellationToken);

    public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(LambdaOperations.Invoke, request, cancellationToken);
}
