using System.Collections.Concurrent;
using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Configuration.Runtimes;

namespace Liftoff.Packaging;

/// <summary>The node or python3 of this machine: the program as named, the executable it is, and its version.</summary>
public sealed record LocalRuntime(string Program, string Executable, Version Version)
{
    /// <summary>"node 20.20.2", "python3 3.11.7".</summary>
    public override string ToString() => $"{Program} {Version}";

    /// <summary>Says so when this is older than what the Lambda runtime runs; null when it is not.</summary>
    public string? OlderThan(LambdaRuntime? runtime) =>
        runtime is not null && IsOlderThan(runtime)
            ? $"the local {this} is older than the function's runtime {runtime.Id}; the handler check ran with it (install {runtime.Product} to check with what Lambda runs)"
            : null;

    /// <summary>Older than what the Lambda runtime runs (node 20 for nodejs24.x, python3 3.11 for python3.14).</summary>
    public bool IsOlderThan(LambdaRuntime runtime) =>
        runtime.Language == RuntimeLanguage.Node ? Version.Major < runtime.Version.Major : new Version(Version.Major, Version.Minor) < runtime.Version;
}

/// <summary>
/// Finds the local node and python3 once per run and asks each for its executable and version, so the
/// handler check can run the executable itself (its environment is Lambda's, not the shell's, which a
/// version manager's shim may need) and say when the machine's runtime is older than the function's.
/// </summary>
public sealed class LocalRuntimes(string node = "node", string python = "python3")
{
    private readonly ConcurrentDictionary<RuntimeLanguage, Lazy<Task<LocalRuntime>>> _found = new();

    public Task<LocalRuntime> GetAsync(RuntimeLanguage language, CancellationToken cancellationToken) =>
        _found.GetOrAdd(language, l => new Lazy<Task<LocalRuntime>>(() => ProbeAsync(l, cancellationToken))).Value;

    private async Task<LocalRuntime> ProbeAsync(RuntimeLanguage language, CancellationToken cancellationToken)
    {
        var (program, arguments) = language == RuntimeLanguage.Node
            ? (node, new[] { "-p", "process.execPath + '\\n' + process.versions.node" })
            : (python, new[] { "-c", "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])" });
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new PackagingException($"Cannot run '{program}' to check handlers: {e.Message}. Install it and put it on PATH.", e);
        }
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (result.ExitCode != 0 || lines.Length < 2 || !Version.TryParse(lines[1], out var version))
            throw new PackagingException($"'{program}' did not say what it is (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        return new LocalRuntime(program, lines[0], version);
    }
}
