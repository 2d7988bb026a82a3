using Liftoff.Aws.Lambda.Model;

namespace Liftoff.Aws.Lambda;

/// <summary>
/// The Lambda operations Liftoff uses, named and shaped like the official AWSSDK.Lambda client so that
/// it can replace this one without touching callers.
/// </summary>
public interface IAmazonLambda : IDisposable
{
    ILambdaPaginatorFactory Paginators { get; }

    Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default);

    Task<GetFunctionConfigurationResponse> GetFunctionConfigurationAsync(GetFunctionConfigurationRequest request, CancellationToken cancellationToken = default);

    Task<UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default);

    Task<PublishVersionResponse> PublishVersionAsync(PublishVersionRequest request, CancellationToken cancellationToken = default);

    /// <summary>One page; use <see cref="Paginators"/> for all of them.</summary>
    Task<ListVersionsByFunctionResponse> ListVersionsByFunctionAsync(ListVersionsByFunctionRequest request, CancellationToken cancellationToken = default);

    Task<GetAliasResponse> GetAliasAsync(GetAliasRequest request, CancellationToken cancellationToken = default);

    Task<CreateAliasResponse> CreateAliasAsync(CreateAliasRequest request, CancellationToken cancellationToken = default);

    Task<UpdateAliasResponse> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken = default);

    Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);
}
