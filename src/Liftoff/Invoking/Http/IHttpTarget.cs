namespace Liftoff.Invoking.Http;

/// <summary>Where a request to a project's API goes: the API itself on AWS (<see cref="RemoteApi"/>), or routed on this machine (<see cref="LocalApi"/>).</summary>
public interface IHttpTarget
{
    /// <summary>What the target is, for the output ("https://abc.execute-api…/prod", "Api routed locally").</summary>
    string Description { get; }

    /// <summary>The response, and the function's own result when it ran on this machine.</summary>
    Task<(ApiResponse Response, InvocationResult? Invocation)> SendAsync(ApiRequest request, CancellationToken cancellationToken);
}
