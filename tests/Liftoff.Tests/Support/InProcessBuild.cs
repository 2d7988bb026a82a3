using Liftoff.Engine;

namespace Liftoff.Tests.Support;

/// <summary>A build run in-process as ./build.sh would run it, in a repository folder, its output captured.</summary>
internal static class InProcessBuild
{
    public static async Task<(int ExitCode, string Output)> RunAsync<TBuild>(
        string root, string commandLine, IReadOnlyDictionary<string, string>? environment = null) where TBuild : LiftoffBuild, new()
    {
        var output = new StringWriter();
        var invocation = new BuildInvocation(commandLine.Split(' '), environment ?? new Dictionary<string, string>(), output, false, root);
        var exitCode = await new TBuild().RunAsync(invocation, [], CancellationToken.None);
        return (exitCode, output.ToString());
    }

    /// <summary>environments.yaml with one environment, local, on a test's moto; its artifact bucket is {bucketPrefix}-local.</summary>
    public static string LocalEnvironments(string endpoint, string bucketPrefix) => $"""
        environments:
          local:
            region: us-east-1
            endpointUrl: {endpoint}
            artifactBucket: {bucketPrefix}-{"{env}"}
        """;
}
