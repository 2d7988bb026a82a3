using System.ComponentModel;
using System.IO.Compression;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Configuration.Runtimes;

namespace Liftoff.Packaging;

/// <summary>
/// Proves a finished artifact works before it leaves the machine: reads the ZIP itself (not the staging
/// folder), checks the handler's file is in it, extracts it to a temporary folder and loads the handler
/// in the local runtime, in Lambda's environment (<see cref="LambdaEnvironment"/>: Lambda's variables and
/// the function's own, no credentials, no profile, no ~/.aws): node requires (or imports) the module and
/// checks the export is a function; python3 imports the module and checks the attribute is callable.
/// Runtimes it cannot load (provided.*, java, dotnet) pass unchecked.
/// </summary>
/// <param name="timeout">How long loading may take; module code that waits on the network would hang.</param>
/// <param name="host">The machine's environment variables (this process's when null); only what locates programs passes.</param>
public sealed class HandlerVerifier(
    string node = "node", string python = "python3", TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? host = null)
{
    private const int EntriesAround = 8;
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);
    private readonly LocalRuntimes _runtimes = new(node, python);

    /// <returns>What the check has to say without failing (a local runtime older than the function's).</returns>
    public async Task<IReadOnlyList<string>> VerifyAsync(ArtifactRequest request, string zipPath, CancellationToken ct)
    {
        var handler = HandlerReference.Parse(request.Runtime, request.Handler, request.Name);
        if (handler is null) return [];

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

        var lambdaRuntime = LambdaRuntime.Parse(request.Runtime);
        var local = await _runtimes.GetAsync(handler.Runtime == HandlerRuntime.Node ? RuntimeLanguage.Node : RuntimeLanguage.Python, ct);
        var warnings = lambdaRuntime is not null && local.IsOlderThan(lambdaRuntime)
            ? [$"{request.Name}: the local {local} is older than the function's runtime {lambdaRuntime.Id}; the handler check ran with it " +
               $"(install {(lambdaRuntime.Language == RuntimeLanguage.Node ? "Node.js" : "Python")} {lambdaRuntime.VersionText} to check with what Lambda runs)"]
            : Array.Empty<string>();

        var folder = Path.Combine(Path.GetTempPath(), "liftoff-verify-" + Guid.NewGuid().ToString("N")[..12]);
        var home = folder + "-home";
        try
        {
            await ZipFile.ExtractToDirectoryAsync(zipPath, folder, ct);
            Directory.CreateDirectory(home);
            var (program, args) = handler.Runtime == HandlerRuntime.Node
                ? (local.Executable, new[] { "-e", HandlerLoaderScripts.Node, folder, handler.ModulePath, handler.Export })
                : (local.Executable, new[] { "-I", "-B", "-c", HandlerLoaderScripts.Python, folder, handler.PythonModule, handler.Export });
            var environment = EnvironmentOf(request).For(folder, home, host);
            var result = await RunAsync(request, local, program, args, folder, environment, ct);
            if (result.ExitCode != 0) throw Failure(request, local, lambdaRuntime, result, folder, entries, file);
        }
        finally
        {
            foreach (var temporary in new[] { folder, home })
                try { Directory.Delete(temporary, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return warnings;
    }

    /// <summary>The environment the check runs under: the request's, or a plain one for a request that has none.</summary>
    public static LambdaEnvironment EnvironmentOf(ArtifactRequest request) =>
        request.Environment ?? new LambdaEnvironment($"{request.Project}-{request.Function}", "us-east-1", request.Runtime, request.Handler,
            128, new Dictionary<string, string>());

    private ArtifactVerificationException Failure(
        ArtifactRequest request, LocalRuntime local, LambdaRuntime? lambdaRuntime, BufferedCommandResult result, string folder,
        List<string> entries, string file)
    {
        var raw = result.StandardError + result.StandardOutput;
        var dependencies = RuntimeTrace.PythonDependencies(folder);
        // The extract folder is gone once this returns; name the artifact in the runtime's paths instead.
        string Named(string text) => text.Replace(folder, Artifact.RelativePathFor(request.Project, request.Function));
        var own = Named(RuntimeTrace.OwnFrames(raw, folder, dependencies));
        return new ArtifactVerificationException(
            $"The handler {request.Handler} of {request.Name} does not load from its artifact: {local.Program} exited with {result.ExitCode}:\n" +
            Indent(own) +
            Around(entries, file) +
            LoadFailureHint.For(raw, request, EnvironmentOf(request), local, lambdaRuntime),
            Named(raw));
    }

    private async Task<BufferedCommandResult> RunAsync(
        ArtifactRequest request, LocalRuntime local, string program, string[] args, string folder,
        IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_timeout);
        try
        {
            return await Cli.Wrap(program).WithArguments(args).WithWorkingDirectory(folder)
                .WithEnvironmentVariables(LambdaEnvironment.Replacing(environment))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ArtifactVerificationException(
                $"The handler {request.Handler} of {request.Name} did not finish loading within {_timeout.TotalSeconds:0} s in {local.Program}. " +
                "Code that runs at import time must not wait on the network or on input; move it into the handler.", null);
        }
        catch (Win32Exception e)
        {
            throw new PackagingException(
                $"Cannot run '{local.Program}' ({program}) to verify {request.Name} ({request.Runtime}): {e.Message}. Install it and put it on PATH.", e);
        }
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

    private static string Indent(string text) => string.Concat(text.Split('\n').Select(l => "  " + l.TrimEnd('\r') + "\n"));
}
