using Amazon.Runtime;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.Lambda;

/// <summary>Paginators for Lambda's paged operations (official shape: <c>lambda.Paginators.ListVersionsByFunction(request).Versions</c>).</summary>
public interface ILambdaPaginatorFactory
{
    IListVersionsByFunctionPaginator ListVersionsByFunction(ListVersionsByFunctionRequest request);
}

public interface IListVersionsByFunctionPaginator
{
    IPaginatedEnumerable<ListVersionsByFunctionResponse> Responses { get; }
    IPaginatedEnumerable<FunctionConfiguration> Versions { get; }
}

internal sealed class LambdaPaginatorFactory(IAmazonLambda client) : ILambdaPaginatorFactory
{
    public IListVersionsByFunctionPaginator ListVersionsByFunction(ListVersionsByFunctionRequest request) =>
        new ListVersionsByFunctionPaginator(new TokenPaginator<ListVersionsByFunctionRequest, ListVersionsByFunctionResponse>(
            request, client.ListVersionsByFunctionAsync, r => r.Marker, (r, t) => r.Marker = t, r => r.NextMarker));

    private sealed class ListVersionsByFunctionPaginator(IPaginator<ListVersionsByFunctionResponse> paginator) : IListVersionsByFunctionPaginator
    {
        public IPaginatedEnumerable<ListVersionsByFunctionResponse> Responses { get; } =
            new PaginatedResponse<ListVersionsByFunctionResponse>(paginator);

        public IPaginatedEnumerable<FunctionConfiguration> Versions { get; } =
            new PaginatedResultKeyResponse<ListVersionsByFunctionResponse, FunctionConfiguration>(paginator, r => r.Versions);
    }
}
