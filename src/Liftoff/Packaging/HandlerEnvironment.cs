using Liftoff.Aws.Local;

namespace Liftoff.Packaging;

/// <summary>
/// The environment a handler is loaded in for the check: Lambda's, as <see cref="LambdaEnvironment"/> builds it for
/// every local run (Invoke and SmokeTest use it too), so the check and a local invocation see the same variables.
/// </summary>
internal static class HandlerEnvironment
{
    public static IReadOnlyDictionary<string, string?> For(ArtifactRequest request, string taskRoot) =>
        new LambdaEnvironment
        {
            FunctionName = $"{request.Project}-{request.Function}",
            Runtime = request.Runtime,
            Handler = request.Handler,
            Region = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
            TaskRoot = taskRoot,
        }.ToVariables().ToDictionary(v => v.Key, v => (string?)v.Value);
}
