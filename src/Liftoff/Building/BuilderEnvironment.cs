using System.Collections;

namespace Liftoff.Building;

/// <summary>
/// The environment the tools Liftoff starts for a build run in (npm, pip, esbuild, cfn-lint, a function's build and test
/// commands, front-end builds): only the variables on an allow-list, so neither AWS credentials nor the CI's unrelated
/// secrets reach code Liftoff did not write, and an AWS SDK or CLI in a build script finds no profile either. One build
/// serves every environment, so a build has no business with deploy-time settings; README ("What Liftoff guarantees")
/// lists what passes.
/// </summary>
public static class BuilderEnvironment
{
    /// <summary>Passed when set: what shells, package managers, runtimes and proxies need, and the registry tokens npm reads (masked).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "PATH", "HOME", "USER", "USERNAME", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TERM", "TMPDIR", "TEMP", "TMP",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
        "CI", "GITHUB_ACTIONS", "CODEBUILD_BUILD_ID", "NPM_TOKEN",
        "VIRTUAL_ENV", "CONDA_PREFIX", "PYENV_ROOT", "PYENV_VERSION", "NVM_DIR", "NVM_BIN", "VOLTA_HOME", "COREPACK_HOME", "PNPM_HOME",
        "NUGET_PACKAGES",
        // Windows' own, without which processes do not start.
        "SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "APPDATA", "LOCALAPPDATA", "USERPROFILE", "HOMEDRIVE", "HOMEPATH",
        "PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMDATA", "COMMONPROGRAMFILES", "NUMBER_OF_PROCESSORS", "PROCESSOR_ARCHITECTURE", "OS",
    ];

    /// <summary>Passed when a name starts with one of these: locale, XDG folders, npm's, node's, Python's, pip's and .NET's own settings.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["LC_", "XDG_", "NPM_CONFIG_", "NODE_", "PYTHON", "PIP_", "DOTNET_"];

    /// <summary>Set for every tool: AWS SDKs and CLIs started by a build find no shared credentials, config or instance role.</summary>
    public static IReadOnlyDictionary<string, string> NoAws { get; } = new Dictionary<string, string>
    {
        ["AWS_SHARED_CREDENTIALS_FILE"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
        ["AWS_CONFIG_FILE"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>Case-insensitively, as Windows names variables.</summary>
    public static bool IsAllowed(string name) =>
        Names.Contains(name, StringComparer.OrdinalIgnoreCase) ||
        Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The variables to give a child process, as CliWrap takes them on top of this process's own: every inherited variable
    /// removed (null), then the run's allowed ones and <see cref="NoAws"/> set. An in-process run's environment is its own,
    /// not the process's, so it is the run's that decides.
    /// </summary>
    public static Dictionary<string, string?> For(IReadOnlyDictionary<string, string> run)
    {
        var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()) variables[name] = null;
        foreach (var (name, value) in run.Where(v => IsAllowed(v.Key))) variables[name] = value;
        foreach (var (name, value) in NoAws) variables[name] = value;
        return variables;
    }
}
