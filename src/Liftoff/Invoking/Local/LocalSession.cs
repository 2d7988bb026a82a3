using Liftoff.Packaging;

namespace Liftoff.Invoking.Local;

/// <summary>
/// What a local invocation adds to <see cref="LambdaEnvironment"/>, as Lambda would for an invocation: the role's
/// credentials (placeholders a local AWS accepts, never the deployer's), AWS_ENDPOINT_URL at the local AWS so SDK
/// calls inside the handler reach it, the log stream, and where the runtime's own libraries are.
/// </summary>
public static class LocalSession
{
    public const string AccessKeyId = "ASIALIFTOFFLOCAL0000";
    public const string SecretAccessKey = "liftoff-local-secret-not-a-real-key";
    public const string SessionToken = "liftoff-local-session";

    public static IReadOnlyDictionary<string, string> For(LambdaEnvironment function, string? endpointUrl, string runtimeDirectory)
    {
        var session = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = SessionToken,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[{function.Version}]liftoff-local",
            ["LAMBDA_RUNTIME_DIR"] = runtimeDirectory,
        };
        if (function.Runtime.StartsWith("nodejs", StringComparison.Ordinal)) session["NODE_PATH"] = Path.Combine(runtimeDirectory, "node_modules");
        if (endpointUrl is not null) session["AWS_ENDPOINT_URL"] = endpointUrl;
        return session;
    }
}
