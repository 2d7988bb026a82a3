using Liftoff.Components;
using Liftoff.Configuration;
using Liftoff.Engine;
using Liftoff.Tests.Building;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Invoking;

/// <summary>
/// The three sample projects copied, then deployed once to a moto of their own with <c>Deploy --env local</c>, in-process:
/// Compile, Package, Upload, Deploy and the SmokeTest it triggers, as a user runs them. Shared by one test class.
/// </summary>
public sealed class DeployedSamples : IAsyncLifetime
{
    private readonly MotoFixture _moto = new();
    private TempRepository? _repository;

    public MotoFixture Moto => _moto;
    public string Root => _repository!.Root;
    public int DeployExitCode { get; private set; }
    public string DeployOutput { get; private set; } = "";

    /// <summary>Deploy, SmokeTest and Invoke with Releases, as Build composes them.</summary>
    public sealed class SampleBuild : LiftoffBuild, IDeploy, IInvoke, IReleases;

    public Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => ComponentRun.RunAsync<SampleBuild>(Root, arguments);

    public async Task<ProjectEnvironment> ProjectAsync(string project) =>
        (await ConfigurationLoader.LoadAsync(Root, CancellationToken.None)).Resolve("local", [project]).Single();

    public async Task InitializeAsync()
    {
        await _moto.InitializeAsync();
        _repository = SampleRepository.Copy();
        var environments = File.ReadAllText(Path.Combine(Root, "environments.yaml"));
        File.WriteAllText(Path.Combine(Root, "environments.yaml"), environments.Replace("http://127.0.0.1:4566", _moto.Endpoint));
        (DeployExitCode, DeployOutput) = await RunAsync("Deploy", "--env", "local");
    }

    public async Task DisposeAsync()
    {
        _repository?.Dispose();
        await _moto.DisposeAsync();
    }
}
