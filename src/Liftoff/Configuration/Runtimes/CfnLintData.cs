using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Configuration.Runtimes;

/// <summary>
/// Finds a file of cfn-lint's package data through the cfn-lint on PATH: the Python that runs cfn-lint (its
/// script's #! line, or the python3 beside it, as with pyenv's shims) says where the cfnlint package lives.
/// Asking that interpreter, rather than any python3, finds cfn-lint wherever pip, pipx or a venv put it.
/// </summary>
internal static class CfnLintData
{
    private const string FindPackage =
        "import importlib.util as u; s = u.find_spec('cfnlint'); print(s.submodule_search_locations[0] if s else '')";

    // A version manager can switch the Python behind an unchanged cfn-lint shim (pyenv): a remembered path is asked again after a day.
    private static readonly TimeSpan MaximumAge = TimeSpan.FromDays(1);

    /// <param name="relativePath">Inside cfnlint/data, forward slashes.</param>
    /// <param name="searchPath">Folders to look for cfn-lint in, as PATH writes them; this process's PATH when null.</param>
    /// <param name="cacheFile">Where to remember the answer for this cfn-lint (asking its Python costs a process
    /// start, a few hundred milliseconds through a shim); null asks every time.</param>
    /// <returns>The file's path, or null and what is missing (for a warning).</returns>
    public static async Task<(string? Path, string? Problem)> FindAsync(
        string relativePath, CancellationToken cancellationToken, string? searchPath = null, string? cacheFile = null)
    {
        var executable = Executable(searchPath);
        if (executable is null) return (null, "cfn-lint is not on PATH");
        var key = $"{Identity(executable)}|{relativePath}";
        if (cacheFile is not null && await RememberedAsync(cacheFile, key, cancellationToken) is { } remembered) return (remembered, null);

        var (file, problem) = await AskAsync(executable, relativePath, cancellationToken);
        if (file is not null && cacheFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cacheFile)!);
            await File.WriteAllTextAsync(cacheFile, key + "\n" + file, cancellationToken);
        }
        return (file, problem);
    }

    /// <summary>The cfn-lint a build runs: the first on PATH (or <paramref name="searchPath"/>), null when there is none.</summary>
    public static string? Executable(string? searchPath = null) =>
        (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "cfn-lint.exe" : "cfn-lint"))
        .FirstOrDefault(File.Exists);

    /// <summary>Which cfn-lint this is (path, size, time), so what was learnt of one is not taken for another.</summary>
    public static string Identity(string? executable)
    {
        if (executable is null) return "cfn-lint:missing";
        var file = new FileInfo(executable);
        return $"{executable}|{file.Length}|{file.LastWriteTimeUtc:O}";
    }

    private static async Task<(string? Path, string? Problem)> AskAsync(string executable, string relativePath, CancellationToken cancellationToken)
    {
        var python = PythonOf(executable);
        string package;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(20));
            var result = await Cli.Wrap(python).WithArguments(["-c", FindPackage])
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(limit.Token);
            package = result.ExitCode == 0 ? result.StandardOutput.Trim() : "";
        }
        catch (Exception e) when (e is Win32Exception || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"cannot ask {python}, which runs {executable}, where cfn-lint is installed: {e.Message}");
        }
        if (package.Length == 0) return (null, $"{python}, which runs {executable}, cannot import cfnlint");
        var file = Path.Combine(package, "data", Path.Combine(relativePath.Split('/')));
        return File.Exists(file) ? (file, null) : (null, $"{file} does not exist (this cfn-lint is too old to have it)");
    }

    private static async Task<string?> RememberedAsync(string cacheFile, string key, CancellationToken cancellationToken)
    {
        if (!File.Exists(cacheFile) || DateTime.UtcNow - File.GetLastWriteTimeUtc(cacheFile) >= MaximumAge) return null;
        var lines = await File.ReadAllLinesAsync(cacheFile, cancellationToken);
        return lines is [var remembered, var path] && remembered == key && File.Exists(path) ? path : null;
    }

    /// <summary>The interpreter of a pip-installed script (#!/path/to/python), else the python3 beside it, else python3.</summary>
    private static string PythonOf(string executable)
    {
        var directory = Path.GetDirectoryName(executable)!;
        if (OperatingSystem.IsWindows())
            return File.Exists(Path.Combine(directory, "..", "python.exe")) ? Path.GetFullPath(Path.Combine(directory, "..", "python.exe")) : "python";
        var shebang = FirstLine(executable);
        if (shebang is not null && shebang.StartsWith("#!", StringComparison.Ordinal) && shebang.Contains("python", StringComparison.Ordinal))
        {
            var words = shebang[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // "#!/usr/bin/env python3" names the program after env.
            return Path.GetFileName(words[0]) == "env" ? words.Skip(1).First(w => !w.StartsWith('-')) : words[0];
        }
        var beside = Path.Combine(directory, "python3");
        return File.Exists(beside) ? beside : "python3";
    }

    private static string? FirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[256];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            var text = new string(buffer, 0, read);
            var end = text.IndexOf('\n');
            return end < 0 ? text : text[..end].TrimEnd('\r');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
