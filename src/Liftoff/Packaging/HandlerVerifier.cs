using System.ComponentModel;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Configuration;
using Liftoff.Packaging.Zip;

namespace Liftoff.Packaging;

/// <summary>
/// Proves an artifact works before it leaves the machine by loading its handler in the local runtime:
/// node requires (or imports) the module and checks the export is a function; python3 imports the module
/// and checks the attribute is callable. Runtimes it cannot load (provided.*, java, dotnet) pass unchecked.
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
public sealed class HandlerVerifier(string node = "node", string python = "python3", TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

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
        var (program, args) = handler.Runtime == HandlerRuntime.Node
            ? (node, new[] { "--preserve-symlinks", "-e", HandlerLoaderScripts.Node, root, handler.ModulePath, handler.Export })
            : (python, new[] { "-I", "-B", "-c", HandlerLoaderScripts.Python, root, handler.PythonModule, handler.Export });
        var command = Cli.Wrap(program).WithArguments(args).WithWorkingDirectory(root)
            .WithEnvironmentVariables(HandlerEnvironment.For(request, root))
            .WithStandardInputPipe(PipeSource.FromString(string.Join('\n', names), Encoding.UTF8))
            .WithValidation(CommandResultValidation.None);
        return new HandlerCheck(request, files, file, root, program, command, gate, _timeout, ct);
    }
}

/// <summary>A handler being loaded while its artifact is written; <see cref="ConfirmAsync"/> judges it.</summary>
public sealed class HandlerCheck : IAsyncDisposable
{
    private readonly ArtifactRequest _request;
    private readonly IReadOnlyList<ZipEntrySource> _files;
    private readonly string _handlerFile;
    private readonly string _root;
    private readonly string _program;
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _stop;
    private readonly Task<BufferedCommandResult?> _run;

    internal HandlerCheck(ArtifactRequest request, IReadOnlyList<ZipEntrySource> files, string handlerFile, string root,
        string program, Command command, SemaphoreSlim gate, TimeSpan timeout, CancellationToken ct)
    {
        (_request, _files, _handlerFile, _root, _program, _timeout) = (request, files, handlerFile, root, program, timeout);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _run = RunAsync(command, gate, _stop.Token);
    }

    /// <summary>
    /// Waits for the load and proves it used the artifact's bytes: the ZIP at <paramref name="zipPath"/>
    /// holds exactly the entries of <paramref name="written"/>, and every entry the runtime read has the
    /// content the writer compressed.
    /// </summary>
    /// <exception cref="ArtifactVerificationException">The handler did not load, or what loaded is not the artifact.</exception>
    public async Task ConfirmAsync(string zipPath, ZipArchiveSummary written, CancellationToken ct)
    {
        ArtifactContents.Check(_request, zipPath, written);
        var result = await _run ?? throw new ArtifactVerificationException(
            $"The handler {_request.Handler} of {_request.Name} did not finish loading within {_timeout.TotalSeconds:0} s in {_program}. " +
            "Code that runs at import time must not wait on the network or on input; move it into the handler.", null);

        var (output, loaded) = Split(result.StandardError + result.StandardOutput);
        // The runtime's paths name the staging folder; the user knows the artifact.
        output = output.Replace(_root, Artifact.RelativePathFor(_request.Project, _request.Function));
        if (result.ExitCode != 0 || loaded is null)
            throw new ArtifactVerificationException(
                $"The handler {_request.Handler} of {_request.Name} does not load from its artifact: {_program} exited with {result.ExitCode}:\n" +
                Indent(LastLines(output, 40)) +
                EntryListing.Around(_files.Select(f => f.Name).ToList(), _handlerFile) +
                "Fix the error above (a dependency missing from the build output is the usual cause), then package again.",
                output);
        await ArtifactContents.CheckReadAsync(_request, _files, written, loaded, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _run; } catch (Exception) { /* a load nobody waits for any more */ }
        _stop.Dispose();
    }

    private async Task<BufferedCommandResult?> RunAsync(Command command, SemaphoreSlim gate, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_timeout);
        try
        {
            return await command.ExecuteBufferedAsync(Encoding.UTF8, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null; // timed out: ConfirmAsync says so
        }
        catch (Win32Exception e)
        {
            throw new PackagingException(
                $"Cannot run '{_program}' to verify {_request.Name} ({_request.Runtime}): {e.Message}. Install it and put it on PATH.", e);
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

    private static string LastLines(string text, int count)
    {
        var lines = text.TrimEnd().Split('\n');
        return string.Join('\n', lines.Length <= count ? lines : ["...", .. lines[^count..]]);
    }

    private static string Indent(string text) => string.Concat(text.Split('\n').Select(l => "  " + l.TrimEnd('\r') + "\n"));
}
