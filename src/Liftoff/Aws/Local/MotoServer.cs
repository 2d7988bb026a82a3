using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Liftoff.Aws.Local;

/// <summary>
/// moto's server in a child process on 127.0.0.1. Used by the LocalAws target (port 4566, detached, left
/// running) and by every test class that needs AWS (a free port each, stopped with the class). moto runs with
/// Liftoff's extensions (moto_extensions.py): the CloudFormation behaviour of AWS that SAM-expanded templates need.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    public const string InstallHint = "Install it with `pip install \"moto[server]\"` (Python 3 is needed).";

    // Detaching in Python keeps the pid: the launcher redirects its output to the log, leaves the terminal's
    // session (so Ctrl-C in the build's terminal does not reach it) and replaces itself with moto.
    private const string DetachedLauncher = """
        import os, sys
        log = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        if hasattr(os, "setsid"):
            os.setsid()
        os.execvp(sys.executable, [sys.executable, "-c", sys.argv[3], "-H", "127.0.0.1", "-p", sys.argv[2]])
        """;

    /// <summary>moto's server with the extensions, run with <c>python3 -c</c>.</summary>
    public static string Extensions { get; } = ReadExtensions();

    private static string ReadExtensions()
    {
        using var stream = typeof(MotoServer).Assembly.GetManifestResourceStream("Liftoff.Aws.Local.moto_extensions.py")
            ?? throw new InvalidOperationException("moto_extensions.py is not embedded in Liftoff.dll.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private readonly Process _process;
    private readonly MotoServerOptions _options;
    private readonly OutputTail _output = new();

    private MotoServer(Process process, int port, MotoServerOptions options)
    {
        _process = process;
        Port = port;
        _options = options;
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

    /// <summary>Starts moto on the port (attached) and returns once it answers HTTP.</summary>
    public static Task<MotoServer> StartAsync(int port, CancellationToken cancellationToken) =>
        StartAsync(port, new MotoServerOptions(), cancellationToken);

    /// <summary>Starts moto on the port and returns once it answers HTTP.</summary>
    /// <exception cref="InvalidOperationException">python3 or moto is missing, or moto exited; the message says how to install it.</exception>
    public static async Task<MotoServer> StartAsync(int port, MotoServerOptions options, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Python) { UseShellExecute = false };
        if (options.Detached)
        {
            var logFile = options.LogFile ?? throw new ArgumentException("A detached moto needs a LogFile.", nameof(options));
            foreach (var argument in new[] { "-c", DetachedLauncher, logFile, port.ToString(), Extensions })
                start.ArgumentList.Add(argument);
        }
        else
        {
            foreach (var argument in new[] { "-c", Extensions, "-H", "127.0.0.1", "-p", port.ToString() })
                start.ArgumentList.Add(argument);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.RedirectStandardInput = true;
        }
        foreach (var (name, value) in options.Environment)
            start.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{options.Python} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Cannot start the local AWS: {options.Python} was not found ({e.Message}). {InstallHint}", e);
        }

        var server = new MotoServer(process, port, options);
        if (!options.Detached)
        {
            // Drain the pipes so a chatty server never blocks on a full buffer; keep the tail for errors.
            process.OutputDataReceived += (_, e) => server._output.Add(e.Data);
            process.ErrorDataReceived += (_, e) => server._output.Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        try
        {
            await server.WaitUntilAnsweringAsync(options.StartTimeout, cancellationToken);
            return server;
        }
        catch
        {
            // Never leave a half-started server behind, detached or not.
            await server.StopAsync();
            throw;
        }
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
                    $"{InstallHint}{Environment.NewLine}Its last output:{Environment.NewLine}{LastOutput()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The local AWS (moto) did not answer on {Endpoint} within {limit.TotalSeconds:0} s.");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    private string LastOutput()
    {
        if (!_options.Detached)
        {
            _process.WaitForExit(); // flushes the asynchronous readers
            return _output.ToString();
        }
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(_options.LogFile!).TakeLast(OutputTail.Lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops an attached server; a detached one keeps running (stop it by its pid).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_options.Detached)
            await StopAsync();
        _process.Dispose();
    }

    private sealed class OutputTail
    {
        public const int Lines = 20;
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > Lines) _lines.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (_lines) return string.Join(Environment.NewLine, _lines);
        }
    }
}
