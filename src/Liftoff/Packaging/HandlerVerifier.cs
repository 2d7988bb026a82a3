using System.ComponentModel;
using System.IO.Compression;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Liftoff.Packaging;

/// <summary>
/// Proves a finished artifact works before it leaves the machine: reads the ZIP itself (not the staging
/// folder), checks the handler's file is in it, extracts it to a temporary folder and loads the handler
/// in the local runtime: node requires (or imports) the module and checks the export is a function;
/// python3 imports the module and checks the attribute is callable. Runtimes it cannot load (provided.*,
/// java, dotnet) pass unchecked.
/// </summary>
/// <param name="timeout">How long loading may take; module code that waits on the network would hang.</param>
public sealed class HandlerVerifier(string node = "node", string python = "python3", TimeSpan? timeout = null)
{
    private const int EntriesAround = 8;
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    public async Task VerifyAsync(ArtifactRequest request, string zipPath, CancellationToken ct)
    {
        var handler = HandlerReference.Parse(request.Runtime, request.Handler, request.Name);
        if (handler is null) return;

        List<string> entries;
        using (var archive = ZipFile.OpenRead(zipPath))
            entries = archive.Entries.Select(e => e.FullName).ToList();
        var file = handler.Candidates.FirstOrDefault(entries.Contains);
        if (file is null)
            throw new ArtifactVerificationException(
                $"The handler {request.Handler} of {request.Name} is not in its artifact: none of {string.Join(", ", handler.Candidates)} is there.\n" +
                Around(entries, handler.Candidates[0]) +
                "Check the handler in project.yaml against the build output (a bundler may write dist/index.js, making the handler dist/index.handler).",
                runtimeError: null);

        var folder = Path.Combine(Path.GetTempPath(), "liftoff-verify-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await ZipFile.ExtractToDirectoryAsync(zipPath, folder, ct);
            var (program, args) = handler.Runtime == HandlerRuntime.Node
                ? (node, new[] { "-e", HandlerLoaderScripts.Node, folder, handler.ModulePath, handler.Export })
                : (python, new[] { "-I", "-B", "-c", HandlerLoaderScripts.Python, folder, handler.PythonModule, handler.Export }
                    .Concat(request.LayerDirectories.SelectMany(PythonLayerPaths)).ToArray());
            var result = await RunAsync(request, program, args, folder, ct);
            // The extract folder is gone once this returns; name the artifact in the runtime's paths instead.
            var output = (result.StandardError + result.StandardOutput).Replace(folder, Artifact.RelativePathFor(request.Project, request.Function));
            if (result.ExitCode != 0)
                throw new ArtifactVerificationException(
                    $"The handler {request.Handler} of {request.Name} does not load from its artifact: {program} exited with {result.ExitCode}:\n" +
                    Indent(LastLines(output, 40)) +
                    Around(entries, file) +
                    "Fix the error above (a dependency missing from the build output is the usual cause), then package again.",
                    output);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task<BufferedCommandResult> RunAsync(ArtifactRequest request, string program, string[] args, string folder, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_timeout);
        try
        {
            return await Cli.Wrap(program).WithArguments(args).WithWorkingDirectory(folder)
                .WithEnvironmentVariables(e => e
                    .Set("LAMBDA_TASK_ROOT", folder)
                    .Set("AWS_LAMBDA_FUNCTION_NAME", $"{request.Project}-{request.Function}")
                    .Set("AWS_REGION", Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1")
                    .Set("PYTHONDONTWRITEBYTECODE", "1")
                    .Set("NODE_PATH", string.Join(Path.PathSeparator, request.LayerDirectories.Select(l => Path.Combine(l, "nodejs", "node_modules")))))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ArtifactVerificationException(
                $"The handler {request.Handler} of {request.Name} did not finish loading within {_timeout.TotalSeconds:0} s in {program}. " +
                "Code that runs at import time must not wait on the network or on input; move it into the handler.", null);
        }
        catch (Win32Exception e)
        {
            throw new PackagingException(
                $"Cannot run '{program}' to verify {request.Name} ({request.Runtime}): {e.Message}. Install it and put it on PATH.", e);
        }
    }

    /// <summary>Where Lambda's Python finds a layer's modules: /opt/python and /opt/python/lib/pythonX.Y/site-packages.</summary>
    private static IEnumerable<string> PythonLayerPaths(string layer)
    {
        var python = Path.Combine(layer, "python");
        var lib = Path.Combine(python, "lib");
        return Directory.Exists(lib)
            ? [python, .. Directory.GetDirectories(lib, "python3*").Select(v => Path.Combine(v, "site-packages"))]
            : [python];
    }

    /// <summary>The sorted entry names either side of where <paramref name="path"/> is or would be.</summary>
    private static string Around(List<string> entries, string path)
    {
        var sorted = entries.Order(StringComparer.Ordinal).ToList();
        var at = sorted.BinarySearch(path, StringComparer.Ordinal);
        if (at < 0) at = ~at;
        var from = Math.Max(0, at - EntriesAround);
        var to = Math.Min(sorted.Count, at + EntriesAround + 1);
        var text = new StringBuilder($"Entries of the artifact around {path} ({sorted.Count} in all):\n");
        if (from > 0) text.Append("  ...\n");
        for (var i = from; i < to; i++) text.Append("  ").Append(sorted[i] == path ? "> " : "  ").Append(sorted[i]).Append('\n');
        if (to < sorted.Count) text.Append("  ...\n");
        return text.ToString();
    }

    private static string LastLines(string text, int count)
    {
        var lines = text.TrimEnd().Split('\n');
        return string.Join('\n', lines.Length <= count ? lines : ["...", .. lines[^count..]]);
    }

    private static string Indent(string text) => string.Concat(text.Split('\n').Select(l => "  " + l.TrimEnd('\r') + "\n"));
}
