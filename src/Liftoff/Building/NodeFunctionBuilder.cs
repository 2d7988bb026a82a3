using System.Diagnostics;
using System.Text.Json;
using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>
/// Node.js: `npm ci` (when package.json is there), the build command or `npm run build` when package.json
/// has a build script, then the sources and only the production packages into the staging folder.
/// </summary>
public sealed class NodeFunctionBuilder(ToolRunner tools, NpmInstall npm, RepositoryBoundary boundary) : IFunctionBuilder
{
    public async Task<StagedFunction> BuildAsync(string project, FunctionBuild function, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var source = function.SourceDirectory;
        var hasPackageJson = File.Exists(Path.Combine(source, "package.json"));
        if (hasPackageJson) await npm.EnsureAsync(project, source, cancellationToken);

        if (function.BuildCommand is { } command)
            await tools.RunShellAsync(project, source, command, cancellationToken);
        else if (hasPackageJson && await HasScriptAsync(source, "build", cancellationToken))
            await tools.RunAsync(project, source, "npm", ["run", "build"], cancellationToken);

        FileTree.Recreate(function.StagingDirectory);
        var files = FileTree.CopySources(source, function.StagingDirectory, boundary, project, cancellationToken,
            skipFile: name => name == "package-lock.json");
        var packages = hasPackageJson
            ? await ProductionDependencies.CopyAsync(project, source, function.StagingDirectory, boundary, cancellationToken)
            : 0;
        tools.Report(project, $"{function.Name}: staged {files} files and {packages} production package{(packages == 1 ? "" : "s")}");
        return new StagedFunction(project, function.Name, function.StagingDirectory, files, clock.Elapsed);
    }

    internal static async Task<bool> HasScriptAsync(string directory, string script, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(directory, "package.json"));
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.TryGetProperty("scripts", out var scripts) &&
               scripts.ValueKind == JsonValueKind.Object && scripts.TryGetProperty(script, out _);
    }
}
