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

    /// <param name="relativePath">Inside cfnlint/data, forward slashes.</param>
    /// <param name="searchPath">Folders to look for cfn-lint in, as PATH writes them; this process's PATH when null.</param>
    /// <returns>The file's path, or null and what is missing (for a warning).</returns>
    public static async Task<(string? Path, string? Problem)> FindAsync(string relativePath, CancellationToken cancellationToken, string? searchPath = null)
    {
        var executable = OnPath(OperatingSystem.IsWindows() ? "cfn-lint.exe" : "cfn-lint", searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "");
        if (executable is null) return (null, "cfn-lint is not on PATH");
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

    private static string? OnPath(string name, string searchPath) =>
        searchPath
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, name))
        .FirstOrDefault(File.Exists);

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
