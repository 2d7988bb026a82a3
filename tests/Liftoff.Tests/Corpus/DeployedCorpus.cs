using Liftoff.Aws.Local;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Building;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Corpus;

/// <summary>
/// The compatibility corpus (tests/corpus/projects) copied into a fresh repository, as a clean clone has it, and
/// deployed twice with <c>./build.sh Deploy --env local</c> run in-process against one moto of its own: the
/// first run compiles, packages, uploads and deploys every project in parallel, the second finds them up to date.
/// </summary>
public sealed class DeployedCorpus : IAsyncLifetime
{
    public const string Environment = "local";
    private MotoServer? _moto;

    public static string Source => Path.Combine(RepositoryFolders.Root, "tests", "corpus", "projects");
    public static IReadOnlyList<string> Projects => Directory.GetDirectories(Source).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    internal TempRepository Repository { get; } = new();
    public AwsCli Cli { get; private set; } = null!;
    public string Endpoint => _moto?.Endpoint ?? throw new InvalidOperationException("moto is not started");
    public (int ExitCode, string Output) First { get; private set; }
    public (int ExitCode, string Output) Second { get; private set; }

    public async Task InitializeAsync()
    {
        // Dummy credentials: moto accepts any, and the SDK must never find a real profile in a test.
        System.Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        System.Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        _moto = await MotoServer.StartAsync(MotoServer.FreePort(), CancellationToken.None);
        Cli = new AwsCli(_moto.Endpoint, "us-east-1");
        SampleRepository.CopyTree(Source, Path.Combine(Repository.Root, "projects"));
        Repository.OnLocalAws(_moto.Endpoint, "corpus-artifacts-local");
        First = await DeployAsync();
        Second = await DeployAsync();
    }

    public Task<(int ExitCode, string Output)> DeployAsync() => RunAsync($"Deploy --env {Environment}");

    /// <summary>A target of the corpus's repository, run as ./build.sh would run it.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string commandLine) => ComponentRun.RunAsync<CorpusBuild>(Repository.Root, commandLine);

    public async Task DisposeAsync()
    {
        if (_moto is not null) await _moto.DisposeAsync();
        Repository.Dispose();
    }

    private sealed class CorpusBuild : LiftoffBuild, IDeploy, IInvoke;
}
