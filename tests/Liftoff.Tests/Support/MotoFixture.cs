using Liftoff.Aws.Local;

namespace Liftoff.Tests.Support;

/// <summary>
/// One moto server per test class (IClassFixture&lt;MotoFixture&gt;), on a free loopback port.
/// Exposes the endpoint and the environment the AWS CLI needs to read back what Liftoff wrote.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _server;

    public string Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("moto is not started");
    public string Region => "us-east-1";

    public async Task InitializeAsync()
    {
        // Dummy credentials: moto accepts any, and the SDK must never find a real profile in a test.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", Region);
        _server = await MotoServer.StartAsync(MotoServer.FreePort(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
