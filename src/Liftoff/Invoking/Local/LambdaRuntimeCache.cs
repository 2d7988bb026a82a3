using Liftoff.Building;
using Liftoff.Configuration.Runtimes;
using Liftoff.Packaging;

namespace Liftoff.Invoking.Local;

/// <summary>
/// What running functions on this machine needs besides their code and the local node and python3 (found by
/// Packaging's <see cref="LocalRuntimes"/>, as the handler check finds them): the bootstrap scripts, and the AWS
/// SDK for JavaScript v3 clients that Lambda's Node.js runtime provides (an npm-installed folder, pinned by the
/// package-lock.json embedded in Liftoff). Python's runtime provides boto3; here it is the local python3's.
/// </summary>
/// <remarks>
/// The folder is a per-user cache (<see cref="DefaultDirectory"/>), shared by every repository on the machine:
/// the SDK is installed once, and code folders are keyed by their zip's sha256. Function code is extracted
/// below it, so Node's module resolution finds the SDK from there for CommonJS and ES modules alike, as it
/// finds Lambda's in /var/runtime.
/// </remarks>
public sealed class LambdaRuntimeCache(string directory, TextWriter output, LocalRuntimes programs)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _nodeReady;

    public LambdaRuntimeCache(string directory, TextWriter output) : this(directory, output, new LocalRuntimes())
    {
    }

    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "liftoff", "lambda-runtime");

    public string Directory => directory;

    /// <summary>Where function code is extracted, one folder per zip sha256.</summary>
    public string CodeDirectory => Path.Combine(directory, "code");

    /// <summary>The local program for a language and the bootstrap it runs, ready (the SDK installed for node).</summary>
    public async Task<(LocalRuntime Program, string Script)> ResolveAsync(RuntimeLanguage language, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scripts = await LocalRuntimeScripts.WriteAsync(Path.Combine(directory, "bootstrap"), cancellationToken);
            if (language == RuntimeLanguage.Node && !_nodeReady)
            {
                await InstallNodeSdkAsync(cancellationToken);
                _nodeReady = true;
            }
            var script = Path.Combine(scripts, language == RuntimeLanguage.Node ? LocalRuntimeScripts.Node : LocalRuntimeScripts.Python);
            return (await programs.GetAsync(language, cancellationToken), script);
        }
        catch (PackagingException e)
        {
            throw new InvokeException(e.Message.Replace("to check handlers", "to run functions locally"), e);
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
            await using var resource = typeof(LambdaRuntimeCache).Assembly.GetManifestResourceStream($"Liftoff.Invoking.Local.Runtime.nodejs.{name}")
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
}
