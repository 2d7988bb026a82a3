using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Liftoff.Aws.Local;

/// <summary>
/// moto's server in a child process on 127.0.0.1. Used by the LocalAws target (port 4566, left running)
/// and by every test class that needs AWS (a free port each, stopped with the class).
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    private readonly Process _process;

    private MotoServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public int ProcessId => _process.Id;
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts moto on the port and returns once it answers HTTP.</summary>
    public static async Task<MotoServer> StartAsync(int port, CancellationToken cancellationToken, bool detached = false)
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString() },
            RedirectStandardOutput = !detached,
            RedirectStandardError = !detached,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Cannot start the local AWS: python3 was not found ({e.Message}). Install Python 3 and then `pip install \"moto[server]\"`.", e);
        }
        if (!detached)
        {
            // Drain the pipes so a chatty server never blocks on a full buffer.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        var server = new MotoServer(process, port);
        await server.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return server;
    }

    /// <summary>True when something answers HTTP on the endpoint (moto, LocalStack, or our own earlier server).</summary>
    public static async Task<bool> IsAnsweringAsync(string endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(endpoint, cancellationToken);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        var delay = TimeSpan.FromMilliseconds(50);
        while (!await IsAnsweringAsync(Endpoint, cancellationToken))
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The local AWS (moto) exited with code {_process.ExitCode} before answering on {Endpoint}. " +
                    "Check that moto is installed: `pip install \"moto[server]\"`.");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The local AWS (moto) did not answer on {Endpoint} within {limit.TotalSeconds:0} s.");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
