using Amazon.Runtime;
using Liftoff.Aws;
using WireMock.Logging;
using WireMock.Server;

namespace Liftoff.Tests.Aws;

/// <summary>
/// A WireMock.Net server standing in for AWS where moto has no real part (CodePipeline executions,
/// Lambda Invoke, failing updates). Stubs answer with the wire format of the AWS documentation page the
/// test names; what Liftoff sent is read back from the request log.
/// </summary>
internal sealed class StubbedAws : IDisposable
{
    public StubbedAws()
    {
        Server = WireMockServer.Start();
        Clients = AwsClients.Create(new AwsConnection("us-east-1", Server.Urls[0], null), new BasicAWSCredentials("stub", "stub"));
    }

    public WireMockServer Server { get; }
    public AwsClients Clients { get; }

    /// <summary>The requests that reached the stub with this X-Amz-Target (JSON-RPC) or path (REST).</summary>
    public IReadOnlyList<ILogEntry> Requests(string targetOrPath) => Server.LogEntries
        .Where(e => e.RequestMessage.Path == targetOrPath
                    || (e.RequestMessage.Headers?.TryGetValue("X-Amz-Target", out var target) == true && target.Contains(targetOrPath)))
        .ToList();

    /// <summary>The awsQuery requests for one Action, as their form fields.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> QueryRequests(string action) => Server.LogEntries
        .Select(e => Form(e.RequestMessage.Body ?? ""))
        .Where(f => f.TryGetValue("Action", out var a) && a == action)
        .ToList();

    private static IReadOnlyDictionary<string, string> Form(string body) => body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");

    public void Dispose()
    {
        Clients.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
