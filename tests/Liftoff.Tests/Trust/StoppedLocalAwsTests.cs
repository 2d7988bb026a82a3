using Liftoff.Aws.Local;
using Liftoff.Tests.Aws;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Trust;

/// <summary>
/// A local AWS that is stopped, before or during a run: the run ends with a message that names the endpoint and what to
/// do, and no .NET exception text. A refused connection to this machine is not retried (the SDK's back-off made a
/// deploy's change set, ledger record and lock release each wait seconds); AWS itself is never on loopback.
/// </summary>
public sealed class StoppedLocalAwsTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private readonly FaultInjectingProxy _proxy;
    private readonly TempRepository _repository;
    private readonly Dictionary<string, string> _environment = TrustBuild.BaseEnvironment(("SHOP_DB_PASSWORD", "stopped-aws-password"));
    private volatile string? _stopAt;

    public StoppedLocalAwsTests(MotoFixture moto)
    {
        _proxy = new FaultInjectingProxy(moto.Endpoint, (_, operation) => operation == _stopAt ? Fault.StopListening : Fault.None);
        _repository = TrustRepository.Create(_proxy.Endpoint, $"trust-stopped-{Guid.NewGuid():N}"[..40]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        _repository.Dispose();
    }

    [Fact]
    public async Task A_local_AWS_that_stops_during_a_deploy_ends_the_run_with_a_clear_message()
    {
        var upload = await TrustBuild.RunAsync(_repository.Root, "Upload --env dev", _environment);
        Assert.True(upload.ExitCode == 0, upload.ToString());

        _stopAt = "CreateChangeSet";
        var deploy = await TrustBuild.RunAsync(_repository.Root, "Deploy --env dev --skip", _environment);

        Assert.Equal(1, deploy.ExitCode);
        Assert.Contains($"Deploy failed: Deploy failed for shop: Nothing answers at {_proxy.Endpoint} (connection refused): the local AWS has stopped.", deploy.Text);
        Assert.Contains("./build.sh LocalAws --env local", deploy.Text);
        Assert.DoesNotContain("Exception", deploy.Text);
        Assert.Equal(1, _proxy.Log.Count(r => r.Fault == Fault.StopListening));
    }

    [Fact]
    public async Task A_local_AWS_that_is_not_running_is_named_in_the_message()
    {
        var nothing = $"http://127.0.0.1:{MotoServer.FreePort()}";
        using var repository = TrustRepository.Create(nothing, $"trust-stopped-{Guid.NewGuid():N}"[..40]);
        var stopped = new LocalAwsStoppedException(nothing).Message;

        var upload = await TrustBuild.RunAsync(repository.Root, "Upload --env dev", _environment);

        Assert.Equal(1, upload.ExitCode);
        Assert.Contains($"Upload failed: {stopped}", upload.Text);
        Assert.DoesNotContain("Exception", upload.Text);
    }
}
