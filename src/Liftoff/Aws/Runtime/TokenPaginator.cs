using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace Liftoff.Aws.Runtime;

/// <summary>
/// Walks an operation page by page, feeding each response's next token (NextToken, NextMarker) back into
/// the request, as the official SDK's generated paginators do; enumerate it with <c>await foreach</c>.
/// </summary>
public sealed class TokenPaginator<TRequest, TResponse>(
    TRequest request,
    Func<TRequest, CancellationToken, Task<TResponse>> call,
    Func<TRequest, string?> getToken,
    Action<TRequest, string?> setToken,
    Func<TResponse, string?> nextToken) : IPaginator<TResponse>
{
    // Captured once, so that every enumeration starts where the caller's request started.
    private readonly string? _firstToken = getToken(request);

    public async IAsyncEnumerable<TResponse> PaginateAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = _firstToken;
        do
        {
            setToken(request, token);
            var response = await call(request, cancellationToken).ConfigureAwait(false);
            yield return response;
            var next = nextToken(response);
            // A service repeating the token it was given would loop forever; AWS never does.
            token = next == token ? null : next;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
