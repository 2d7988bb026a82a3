using System.Diagnostics;
using Liftoff.Configuration;

namespace Liftoff.Building;

/// <summary>
/// TypeScript: `npm ci`, then one CommonJS bundle by the esbuild the project itself depends on (so its
/// version is in package-lock.json), named after the handler's module. The AWS SDK v3 is left out: the
/// Lambda Node.js runtime provides it.
/// </summary>
public sealed class TypeScriptFunctionBuilder(ToolRunner tools, NpmInstall npm, RepositoryBoundary boundary) : IFunctionBuilder
{
    public async Task<StagedFunction> BuildAsync(string project, FunctionBuild function, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var source = function.SourceDirectory;
        if (!File.Exists(Path.Combine(source, "package.json")))
            throw new BuildStepException($"[{project}] {function.Name}: {source} has no package.json; a TypeScript function lists esbuild in its devDependencies.");
        await npm.EnsureAsync(project, source, cancellationToken);
        if (function.BuildCommand is { } command) await tools.RunShellAsync(project, source, command, cancellationToken);

        var esbuild = Path.Combine(source, "node_modules", ".bin", OperatingSystem.IsWindows() ? "esbuild.cmd" : "esbuild");
        if (!File.Exists(esbuild))
            throw new BuildStepException(
                $"[{project}] {function.Name}: esbuild is not installed in {source}; add it with `npm install --save-dev esbuild` and commit package-lock.json.");

        FileTree.Recreate(function.StagingDirectory);
        var module = function.Handler[..function.Handler.LastIndexOf('.')];
        var outfile = Path.Combine(function.StagingDirectory, module + ".js");
        var metafile = BundleInputs.MetafileFor(boundary.Root, project, function.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(metafile)!);
        await tools.RunAsync(project, source, esbuild,
        [
            function.Entry!,
            "--bundle",
            "--platform=node",
            $"--target={NodeTarget(function.Runtime)}",
            "--format=cjs",
            "--sourcemap",
            "--external:@aws-sdk/*",
            "--log-level=warning",
            $"--outfile={outfile}",
            $"--metafile={metafile}",
        ], cancellationToken);
        await BundleInputs.CheckAsync(project, function.Name, source, metafile, boundary, cancellationToken);

        var files = Directory.GetFiles(function.StagingDirectory, "*", SearchOption.AllDirectories).Length;
        tools.Report(project, $"{function.Name}: bundled {Path.GetRelativePath(source, function.Entry!)} into {module}.js");
        return new StagedFunction(project, function.Name, function.StagingDirectory, files, clock.Elapsed);
    }

    /// <summary>nodejs22.x → node22: esbuild then keeps the syntax that runtime understands.</summary>
    private static string NodeTarget(string runtime) => "node" + runtime["nodejs".Length..].Split('.')[0];
}
