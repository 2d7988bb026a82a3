using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>
/// Python: the sources, plus the packages of requirements.txt installed with pip for Lambda's platform
/// (manylinux wheels for the function's architecture and Python version, as AWS's packaging guide does),
/// kept in a cache keyed by the requirements so an unchanged requirements.txt costs no pip run.
/// </summary>
public sealed class PythonFunctionBuilder(ToolRunner tools, RepositoryBoundary boundary) : IFunctionBuilder
{
    public async Task<StagedFunction> BuildAsync(string project, FunctionBuild function, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var source = function.SourceDirectory;
        if (function.BuildCommand is { } command) await tools.RunShellAsync(project, source, command, cancellationToken);

        FileTree.Recreate(function.StagingDirectory);
        var files = FileTree.CopySources(source, function.StagingDirectory, boundary, project, cancellationToken);

        var requirements = Path.Combine(source, "requirements.txt");
        if (File.Exists(requirements) && HasRequirements(await File.ReadAllLinesAsync(requirements, cancellationToken)))
        {
            var packages = await InstallAsync(project, function, requirements, cancellationToken);
            FileTree.CopyAll(packages, function.StagingDirectory, boundary, project, cancellationToken);
            tools.Report(project, $"{function.Name}: staged {files} files and the packages of requirements.txt");
        }
        else
        {
            tools.Report(project, $"{function.Name}: staged {files} files");
        }
        return new StagedFunction(project, function.Name, function.StagingDirectory, files, clock.Elapsed);
    }

    private async Task<string> InstallAsync(string project, FunctionBuild function, string requirements, CancellationToken cancellationToken)
    {
        var version = function.Runtime["python".Length..];
        var platform = function.Architecture == "arm64" ? "manylinux2014_aarch64" : "manylinux2014_x86_64";
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            await File.ReadAllTextAsync(requirements, cancellationToken) + "|" + version + "|" + platform)))[..16];
        var cache = Path.Combine(boundary.Root, ".nuke", "temp", "pip", project, function.Name, key);
        var complete = cache + ".complete";
        if (File.Exists(complete))
        {
            tools.Report(project, $"{function.Name}: requirements.txt unchanged; pip install skipped");
            return cache;
        }

        if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        Directory.CreateDirectory(cache);
        await tools.RunAsync(project, function.SourceDirectory, "python3",
        [
            "-m", "pip", "install",
            "-r", requirements,
            "-t", cache,
            "--platform", platform,
            "--python-version", version,
            "--implementation", "cp",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "--no-input",
        ], cancellationToken);
        // Written last, so a cancelled or failed install is never mistaken for a complete one.
        await File.WriteAllTextAsync(complete, "", cancellationToken);
        return cache;
    }

    private static bool HasRequirements(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Any(l => l.Length > 0 && !l.StartsWith('#'));
}
