using System.ComponentModel;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Configuration;
using Liftoff.Configuration.Runtimes;
using Liftoff.Packaging.Zip;

namespace Liftoff.Packaging;

/// <summary>
/// Proves an artifact works before it leaves the machine by loading its handler in the local runtime, in
/// Lambda's environment (<see cref="HandlerEnvironment"/>: Lambda's variables and the function's own, no
/// credentials, no profile, no ~/.aws): node requires (or imports) the module and checks the export is a
/// function; python3 imports the module and checks the attribute is callable. Runtimes it cannot load
/// (provided.*, java, dotnet) pass unchecked. A local runtime older than the function's is said, not fatal.
/// </summary>
/// <remarks>
/// Extracting the ZIP first would cost a file created per entry, seconds for a node_modules tree, to load
/// the few hundred files a handler needs. So the runtime loads from the staging folder, while the ZIP is
/// being written, seeing only the artifact's entries (<see cref="HandlerLoaderScripts"/>: any other file
/// is absent, as in Lambda) and naming every entry it read. <see cref="HandlerCheck.ConfirmAsync"/> then
/// proves those were the artifact's bytes: the ZIP's directory holds exactly the entries written, and each
/// file the runtime read still has the content hash the writer took of the bytes it compressed.
/// </remarks>
/// <param name="timeout">How long loading may take; module code that waits on the network would hang.</param>
/// <param name="host">The machine's environment variables (this process's when null); only what locates programs passes.</param>
public sealed class HandlerVerifier(
    string node = "node", string python = "python3", TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? host = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);
    private readonly LocalRuntimes _runtimes = new(node, python);

    /// <summary>
    /// Starts finding the local runtime <paramref name="request"/>'s check will run in (a process of its own), so that it
    /// is known by the time the artifact's files are selected; <see cref="Start"/> reports what goes wrong.
    /// </summary>
    public void Prepare(ArtifactRequest request, CancellationToken ct)
    {
        var language = HandlerReference.RuntimeOf(request.Runtime) switch
        {
            HandlerRuntime.Node => RuntimeLanguage.Node,
            HandlerRuntime.Python => RuntimeLanguage.Python,
            _ => (RuntimeLanguage?)null,
        };
        if (language is { } found) _ = _runtimes.GetAsync(found, ct);
    }

    /// <summary>
    /// Starts loading the handler of <paramref name="request"/> from the files that go into its artifact,
    /// once <paramref name="gate"/> lets it (a runtime process takes a core). Null when the runtime is not
    /// one Liftoff loads.
    /// </summary>
    /// <exception cref="ArtifactVerificationException">The handler's file is not among <paramref name="files"/>.</exception>
    public HandlerCheck? Start(ArtifactRequest request, IReadOnlyList<ZipEntrySource> files, SemaphoreSlim gate, CancellationToken ct)
    {
        var handler = HandlerReference.Parse(request.Runtime, request.Handler, request.Name);
        if (handler is null) return null;
        var names = files.Select(f => f.Name).ToList();
        var file = handler.Candidates.FirstOrDefault(names.Contains);
        if (file is null)
            throw new ArtifactVerificationException(
                $"The handler {request.Handler} of {request.Name} is not in its artifact: none of {string.Join(", ", handler.Candidates)} is there.\n" +
                EntryListing.Around(names, handler.Candidates[0]) +
                "Check the handler in project.yaml against the build output (a bundler may write dist/index.js, making the handler dist/index.handler).",
                runtimeError: null);

        var root = RealPath.Of(request.StagingDirectory);
        var home = Path.Combine(Path.GetTempPath(), "liftoff-home-" + Guid.NewGuid().ToString("N")[..12]);
        var args = handler.Runtime == HandlerRuntime.Node
            ? new[] { "--preserve-symlinks", "-e", HandlerLoaderScripts.Node, root, handler.ModulePath, handler.Export }
            : new[] { "-I", "-B", "-c", HandlerLoaderScripts.Python, root, handler.PythonModule, handler.Export }
                .Concat(LayerPaths.Python(request)).ToArray();
        // The executable the local node or python3 resolves to: the check's environment is Lambda's, not the
        // shell's a version manager's shim may need.
        Command Command(LocalRuntime local) => Cli.Wrap(local.Executable).WithArguments(args).WithWorkingDirectory(root)
            .WithEnvironmentVariables(HandlerEnvironment.For(request, root, home, host))
            .WithStandardInputPipe(PipeSource.FromString(string.Join('\n', names), Encoding.UTF8))
            .WithValidation(CommandResultValidation.None);
        var local = _runtimes.GetAsync(handler.Runtime == HandlerRuntime.Node ? RuntimeLanguage.Node : RuntimeLanguage.Python, ct);
        return new HandlerCheck(request, files, file, root, home, local, Command, gate, _timeout, ct);
    }
}

/// <summary>A handler being loaded while its artifact is written; <see cref="ConfirmAsync"/> judges it.</summary>
public sealed class HandlerCheck : IAsyncDisposable
{
    private readonly ArtifactRequest _request;
    private readonly IReadOnlyList<ZipEntrySource> _files;
    private readonly string _handlerFile;
    private readonly string _root;
    private readonly string _home;
    private readonly Task<LocalRuntime> _local;
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _stop;
    private readonly Task<BufferedCommandResult?> _run;

    internal HandlerCheck(ArtifactRequest request, IReadOnlyList<ZipEntrySource> files, string handlerFile, string root, string home,
        Task<LocalRuntime> local, Func<LocalRuntime, Command> command, SemaphoreSlim gate, TimeSpan timeout, CancellationToken ct)
    {
        (_request, _files, _handlerFile, _root, _home, _local, _timeout) = (request, files, handlerFile, root, home, local, timeout);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _run = RunAsync(command, gate, _stop.Token);
    }

    /// <summary>
    /// Waits for the load and proves it used the artifact's bytes: the ZIP at <paramref name="zipPath"/>
    /// holds exactly the entries of <paramref name="written"/>, and every entry the runtime read has the
    /// content the writer compressed.
    /// </summary>
    /// <returns>What the check has to say without failing: a local runtime older than the function's.</returns>
    /// <exception cref="ArtifactVerificationException">The handler did not load, or what loaded is not the artifact.</exception>
    public async Task<IReadOnlyList<string>> ConfirmAsync(string zipPath, ZipArchiveSummary written, CancellationToken ct)
    {
        ArtifactContents.Check(_request, zipPath, written);
        var result = await _run;
        var local = await _local;
        if (result is null)
            throw new ArtifactVerificationException(
                $"The handler {_request.Handler} of {_request.Name} did not finish loading within {_timeout.TotalSeconds:0} s in {local.Program}. " +
                "Code that runs at import time must not wait on the network or on input; move it into the handler.", null);

        var (output, loaded) = Split(result.StandardError + result.StandardOutput);
        var runtime = LambdaRuntime.Parse(_request.Runtime);
        if (result.ExitCode != 0 || loaded is null) throw Failure(output, result.ExitCode, local, runtime);
        await ArtifactContents.CheckReadAsync(_request, _files, written, loaded, ct);
        // The check ran all the same: code that loads on the older runtime most likely loads on Lambda's.
        return local.OlderThan(runtime) is { } older ? [$"{_request.Name}: {older}"] : [];
    }

    /// <summary>The user's own frames and the error (the whole output stays in RuntimeError), and a hint that fits the error.</summary>
    private ArtifactVerificationException Failure(string output, int exitCode, LocalRuntime local, LambdaRuntime? runtime)
    {
        // The runtime's paths name the staging folder; the user knows the artifact.
        string Named(string text) => text.Replace(_root, Artifact.RelativePathFor(_request.Project, _request.Function));
        var own = RuntimeTrace.OwnFrames(output, _root, RuntimeTrace.PythonDependencies(_root));
        return new ArtifactVerificationException(
            $"The handler {_request.Handler} of {_request.Name} does not load from its artifact: {local.Program} exited with {exitCode}:\n" +
            Indent(Named(own)) +
            EntryListing.Around(_files.Select(f => f.Name).ToList(), _handlerFile) +
            LoadFailureHint.For(output, _request, HandlerEnvironment.Of(_request), local, runtime),
            Named(output));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _run; } catch (Exception) { /* a load nobody waits for any more */ }
        _stop.Dispose();
        try { if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a temporary folder; the system cleans it */ }
    }

    private async Task<BufferedCommandResult?> RunAsync(Func<LocalRuntime, Command> command, SemaphoreSlim gate, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_timeout);
        try
        {
            var local = await _local;
            Directory.CreateDirectory(_home);
            return await command(local).ExecuteBufferedAsync(Encoding.UTF8, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null; // timed out: ConfirmAsync says so
        }
        catch (Win32Exception e)
        {
            throw new PackagingException(
                $"Cannot run the local runtime to verify {_request.Name} ({_request.Runtime}): {e.Message}. Install it and put it on PATH.", e);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The runtime's output without the loader's report, and the entries the report names (null: none).</summary>
    private static (string Output, IReadOnlyList<string>? Loaded) Split(string text)
    {
        var at = text.LastIndexOf("\n" + HandlerLoaderScripts.LoadedMarker, StringComparison.Ordinal);
        if (at < 0) return (text, null);
        var start = at + 1 + HandlerLoaderScripts.LoadedMarker.Length;
        var end = text.IndexOf('\n', start);
        var json = end < 0 ? text[start..] : text[start..end];
        var rest = text[..at] + (end < 0 ? "" : text[(end + 1)..]);
        return (rest, System.Text.Json.JsonSerializer.Deserialize<List<string>>(json));
    }

    private static string Indent(string text) => string.Concat(text.Split('\n').Select(l => "  " + l.TrimEnd('\r') + "\n"));
}
