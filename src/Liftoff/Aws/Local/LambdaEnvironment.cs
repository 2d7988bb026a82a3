using System.Globalization;

namespace Liftoff.Aws.Local;

/// <summary>
/// The environment variables a function sees inside Lambda, for code run on this machine instead: the
/// runtime's reserved variables (function name, version, memory, handler, task root, region, log group and
/// stream), the function's own Environment on top, and placeholder credentials. The one place Liftoff builds
/// it: local invocation and the Package handler check both run code as Lambda would.
/// </summary>
/// <remarks>
/// Nothing of the caller's environment is passed on except what finds programs (PATH, and on Windows what
/// processes need to start), and the AWS SDKs' config and credentials files point at a file that does not
/// exist: code behaves the same on every laptop and in CI, and never acts with a developer's own AWS keys.
/// </remarks>
public sealed record LambdaEnvironment
{
    /// <summary>Lambda's default credentials come from the execution role; locally they are these placeholders, which a local AWS accepts.</summary>
    public const string LocalAccessKeyId = "ASIALIFTOFFLOCAL0000";
    public const string LocalSecretAccessKey = "liftoff-local-secret-not-a-real-key";
    public const string LocalSessionToken = "liftoff-local-session";

    public required string FunctionName { get; init; }
    public required string Runtime { get; init; }
    public required string Handler { get; init; }
    public required string Region { get; init; }
    /// <summary>The folder holding the function's extracted code (Lambda's /var/task).</summary>
    public required string TaskRoot { get; init; }
    public string Version { get; init; } = "$LATEST";
    public int MemorySize { get; init; } = 128;
    /// <summary>The function's own variables, as its deployed configuration (or project.yaml) has them.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    /// <summary>The local AWS the SDKs inside the function should call (AWS_ENDPOINT_URL); null leaves the SDKs' defaults.</summary>
    public string? EndpointUrl { get; init; }
    /// <summary>Where the runtime's own libraries are (LAMBDA_RUNTIME_DIR; Node's SDK clients live below it).</summary>
    public string? RuntimeDirectory { get; init; }

    public string LogGroupName => $"/aws/lambda/{FunctionName}";

    /// <summary>The variables to start the process with; every name absent here must be removed from the child's environment.</summary>
    public IReadOnlyDictionary<string, string> ToVariables(Func<string, string?>? host = null)
    {
        host ??= Environment.GetEnvironmentVariable;
        var missingConfig = Path.Combine(TaskRoot, ".liftoff-no-aws-config");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = ":UTC",
            ["PYTHONUNBUFFERED"] = "1",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
        foreach (var name in OperatingSystem.IsWindows() ? WindowsEssentials : ["PATH"])
            if (host(name) is { } value) variables[name] = value;

        // The function's own variables first: Lambda refuses to let them set its reserved names, so those win.
        foreach (var (name, value) in Variables) variables[name] = value;

        variables["_HANDLER"] = Handler;
        variables["AWS_EXECUTION_ENV"] = $"AWS_Lambda_{Runtime}";
        variables["AWS_REGION"] = Region;
        // botocore reads AWS_DEFAULT_REGION, the JavaScript SDK AWS_REGION: Lambda sets both.
        variables["AWS_DEFAULT_REGION"] = Region;
        variables["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName;
        variables["AWS_LAMBDA_FUNCTION_VERSION"] = Version;
        variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = MemorySize.ToString(CultureInfo.InvariantCulture);
        variables["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        variables["AWS_LAMBDA_LOG_GROUP_NAME"] = LogGroupName;
        variables["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[{Version}]liftoff-local";
        variables["LAMBDA_TASK_ROOT"] = TaskRoot;
        variables["AWS_ACCESS_KEY_ID"] = LocalAccessKeyId;
        variables["AWS_SECRET_ACCESS_KEY"] = LocalSecretAccessKey;
        variables["AWS_SESSION_TOKEN"] = LocalSessionToken;
        variables["AWS_CONFIG_FILE"] = missingConfig;
        variables["AWS_SHARED_CREDENTIALS_FILE"] = missingConfig;
        if (EndpointUrl is not null) variables["AWS_ENDPOINT_URL"] = EndpointUrl;
        if (RuntimeDirectory is not null)
        {
            variables["LAMBDA_RUNTIME_DIR"] = RuntimeDirectory;
            if (Runtime.StartsWith("nodejs", StringComparison.Ordinal))
                variables["NODE_PATH"] = Path.Combine(RuntimeDirectory, "node_modules");
        }
        return variables;
    }

    private static readonly string[] WindowsEssentials = ["PATH", "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP"];
}
