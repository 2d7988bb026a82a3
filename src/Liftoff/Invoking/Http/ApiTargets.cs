using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;

namespace Liftoff.Invoking.Http;

/// <summary>
/// Where a project's API requests go: for a local AWS (which answers no API requests) the deployed template's routes
/// on this machine; on AWS the API's URL from the stack's apiUrl output (outputs.apiUrl in project.yaml).
/// </summary>
public static class ApiTargets
{
    public static async Task<(IHttpTarget Target, string? Note)> ForAsync(
        ProjectEnvironment project, AwsClients clients, IFunctionInvoker invoker, Release? live, HttpClient http, CancellationToken cancellationToken)
    {
        if (clients.Connection.IsLocal)
        {
            var (api, note) = await LocalApi.LoadAsync(clients.CloudFormation, project, live, invoker, cancellationToken);
            return (api, note);
        }
        var output = project.Outputs.ApiUrl?.OutputName
            ?? throw new InvokeException($"{project.Project} has http smoke checks but no API URL: set outputs.apiUrl in project.yaml to the stack output that holds it.");
        var value = (await StackOutputValues.ReadAsync(clients.CloudFormation, project.StackName, cancellationToken)).Find(output);
        if (value is null || !Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            throw new InvokeException($"Stack {project.StackName} has no output {output} holding the API's URL (found: {value ?? "nothing"}); add it to the template.");
        return (new RemoteApi(http, url), null);
    }
}

/// <summary>An API that cannot be reached: every request fails with the reason, so each http check reports it.</summary>
public sealed class UnreachableApi(string reason) : IHttpTarget
{
    public string Description => "no API";

    public Task<(ApiResponse Response, InvocationResult? Invocation)> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        throw new InvokeException(reason);
}
