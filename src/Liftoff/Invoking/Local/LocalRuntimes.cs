using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Building;
using Liftoff.Packaging;

namespace Liftoff.Invoking.Local;

/// <summary>A local program that stands in for a Lambda runtime: its path and version, and the bootstrap it runs.</summary>
public sealed record LocalProgram(string Path, string Version, string Script);

/// <summary>
/// What running functions on this machine needs besides their code: node and python3 (found once per run),
/// the bootstrap scripts, and the AWS SDK for JavaScript v3 clients that Lambda's Node.js runtime provides (an
/// npm-installed folder, pinned by the package-lock.json embedded in Liftoff). Python's runtime provides boto3;
/// here it is the boto3 of the local python3, when installed.
/// </summary>
/// <remarks>
/// The folder is a per-user cache (<see cref="DefaultDirectory"/>), shared by every repository on the machine:
/// the SDK is installed once, and code folders are keyed by their zip's sha256. Function code is extracted
/// below it, so Node's module resolution finds the SDK from there for CommonJS and ES modules alike, as it
/// finds Lambda's in /var/runtime.
/// </remarks>
public sealed class LocalRuntimes(string directory, TextWriter output, string node = "node", string python = "python3")
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LocalProgram? _node;
    private LocalProgram? _python;

    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "liftoff", "lambda-runtime");

    public string Directory => directory;

    /// <summary>Where function code is extracted, one folder per zip sha256.</summary>
    public string CodeDirectory => Path.Combine(directory, "code");

    /// <summary>The program for a runtime, ready to run (the SDK installed for node).</summary>
    public async Task<(string Program, string Script)> ProgramForAsync(HandlerRuntime runtime, CancellationToken cancellationToken)
    {
        var program = await ResolveAsync(runtime, cancellationToken);
        return (program.Path, program.Script);
    }

    public async Task<LocalProgram> ResolveAsync(HandlerRuntime runtime, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scripts = await LocalRuntimeScripts.WriteAsync(Path.Combine(directory, "bootstrap"), cancellationToken);
            if (runtime == HandlerRuntime.Node)
            {
                if (_node is not null) return _node;
                await InstallNodeSdkAsync(cancellationToken);
                var version = await AskAsync(node, ["-p", "process.execPath + '\\n' + process.versions.node"], cancellationToken);
                return _node = new LocalProgram(version[0], version[1], Path.Combine(scripts, LocalRuntimeScripts.Node));
            }
            if (_python is not null) return _python;
            // The interpreter itself, not a shim (pyenv, asdf): the function's environment has no HOME to find one's settings.
            var answer = await AskAsync(python, ["-c", "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])"], cancellationToken);
            return _python = new LocalProgram(answer[0], answer[1], Path.Combine(scripts, LocalRuntimeScripts.Python));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task InstallNodeSdkAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(directory);
        foreach (var name in new[] { "package.json", "package-lock.json" })
        {
            await using var resource = typeof(LocalRuntimes).Assembly.GetManifestResourceStream($"Liftoff.Invoking.Local.Runtime.nodejs.{name}")
                ?? throw new InvalidOperationException($"{name} of the local Node.js runtime is not embedded in Liftoff.");
            using var reader = new StreamReader(resource);
            var text = await reader.ReadToEndAsync(cancellationToken);
            var path = Path.Combine(directory, name);
            if (!File.Exists(path) || await File.ReadAllTextAsync(path, cancellationToken) != text)
                await File.WriteAllTextAsync(path, text, cancellationToken);
        }
        // The folder is shared by every build on the machine: one installs at a time.
        await using var _ = await ExclusiveFileAsync(Path.Combine(directory, "install.lock"), cancellationToken);
        // Quiet once installed: only the first run on a machine shows npm at work.
        var installed = File.Exists(Path.Combine(directory, "node_modules", NpmInstall.StampName));
        await new NpmInstall(new ToolRunner(installed ? TextWriter.Null : output)).EnsureAsync("lambda-runtime", directory, cancellationToken);
    }

    private static async Task<FileStream> ExclusiveFileAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process installs now; npm takes seconds, so a short wait between tries is enough.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static async Task<string[]> AskAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (result.ExitCode != 0 || lines.Length < 2)
                throw new InvokeException($"'{program}' did not run ({result.ExitCode}): {result.StandardError.Trim()}");
            return lines;
        }
        catch (Win32Exception e)
        {
            throw new InvokeException($"Cannot run '{program}': {e.Message}. Install it and put it on PATH to run functions locally.", e);
        }
    }
}
