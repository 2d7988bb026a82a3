using System.Collections;

namespace Liftoff.Packaging;

/// <summary>
/// The environment Lambda gives a function's process, for running the function on this machine (the
/// handler check; local invocation): the variables Lambda sets, over the function's own, and nothing of
/// the machine's that user code could lean on. No credentials (user code must never see the deployer's),
/// no AWS profile, no ~/.aws files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name files that do not
/// exist, HOME is an empty folder), no instance metadata. Of the machine's variables only those that
/// locate programs and text settings pass (PATH, LANG, TMPDIR…). A result on a laptop then matches CI's.
/// </summary>
/// <param name="FunctionName">The deployed name (AWS_LAMBDA_FUNCTION_NAME).</param>
/// <param name="Variables">The function's own environment; it cannot replace Lambda's reserved variables (Lambda refuses
/// them) or the ones that keep the machine out (HOME, AWS_CONFIG_FILE…), and wins over the rest (TZ, PATH).</param>
public sealed record LambdaEnvironment(
    string FunctionName, string Region, string Runtime, string Handler, int MemorySize, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>Kept from the machine: where programs are and how text is read, never anything about AWS or the user.</summary>
    private static readonly string[] HostVariables =
        ["PATH", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT"];

    /// <summary>Set by Lambda and refused in a function's configuration, and the ones that keep this machine out.</summary>
    private static readonly HashSet<string> Protected = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
        "HOME", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_EC2_METADATA_DISABLED",
    };

    public string Version { get; init; } = "$LATEST";

    /// <summary>
    /// Set last, over Lambda's own: what a local invocation adds that Lambda would (its role's credentials,
    /// AWS_ENDPOINT_URL of a local AWS). Empty for the handler check, which runs without credentials.
    /// </summary>
    public IReadOnlyDictionary<string, string> Session { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// What a check under this environment depends on, machine-independent (no task root, no home folder),
    /// in a fixed order: an artifact checked under other inputs is checked again.
    /// </summary>
    public IEnumerable<string> Inputs =>
        For("<task root>", "<home>", new Dictionary<string, string>())
            .Where(v => v.Key is not ("LAMBDA_TASK_ROOT" or "HOME" or "AWS_CONFIG_FILE" or "AWS_SHARED_CREDENTIALS_FILE"))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}={v.Value}");

    /// <summary>The whole environment of a process running the function from <paramref name="taskRoot"/>.</summary>
    /// <param name="home">An empty folder the process may use as HOME.</param>
    /// <param name="host">The machine's variables (this process's when null); only <see cref="HostVariables"/> pass.</param>
    public IReadOnlyDictionary<string, string> For(string taskRoot, string home, IReadOnlyDictionary<string, string>? host = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in HostVariables)
            if ((host is null ? Environment.GetEnvironmentVariable(name) : host.GetValueOrDefault(name)) is { Length: > 0 } value)
                variables[name] = value;
        foreach (var (name, value) in Lambda(taskRoot, home)) variables[name] = value;
        foreach (var (name, value) in Variables.Where(v => !Protected.Contains(v.Key))) variables[name] = value;
        foreach (var (name, value) in Session) variables[name] = value;
        return variables;
    }

    /// <summary>
    /// For CliWrap and Process, which start from this process's environment and only add: <paramref name="wanted"/>
    /// plus every other variable of this process set to null, which removes it.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Replacing(IReadOnlyDictionary<string, string> wanted)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            if (entry.Key is string name && !wanted.ContainsKey(name)) result[name] = null;
        foreach (var (name, value) in wanted) result[name] = value;
        return result;
    }

    /// <summary>What Lambda sets (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).</summary>
    private IEnumerable<KeyValuePair<string, string>> Lambda(string taskRoot, string home)
    {
        var memory = MemorySize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = Region,
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_EXECUTION_ENV"] = $"AWS_Lambda_{Runtime}",
            ["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = Version,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memory,
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{FunctionName}",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["_HANDLER"] = Handler,
            ["TZ"] = ":UTC",
            ["HOME"] = home,
            // No ~/.aws: the SDKs read these paths first and find nothing there.
            ["AWS_CONFIG_FILE"] = Path.Combine(home, ".aws", "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, ".aws", "credentials"),
            // Lambda has no instance metadata; an SDK looking for credentials there would wait on the network.
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
    }
}
