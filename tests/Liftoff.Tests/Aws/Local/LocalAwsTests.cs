using System.Diagnostics;
using System.Net;
using Liftoff.Aws.Local;
using Spectre.Console;

namespace Liftoff.Tests.Aws.Local;

/// <summary>The LocalAws and LocalAwsStop targets' service, on a free port in a scratch repository root.</summary>
public sealed class LocalAwsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("liftoff-local-aws-");
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public LocalAwsTests()
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No });
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string Output => _output.ToString().ReplaceLineEndings(" ");

    [Fact]
    public async Task Starts_moto_detached_records_its_pid_and_stops_exactly_that_process()
    {
        var local = new LocalAws(_root.FullName, MotoServer.FreePort());

        var started = await local.EnsureRunningAsync(_console, CancellationToken.None);
        try
        {
            Assert.Equal(LocalAwsState.Started, started.State);
            Assert.True(await MotoServer.IsAnsweringAsync(local.Endpoint, CancellationToken.None));
            Assert.Equal($"{started.ProcessId}", File.ReadAllText(Path.Combine(_root.FullName, ".nuke", "temp", "local-aws.pid")).Trim());
            Assert.Contains(local.Endpoint, Output);
            Assert.Contains("LocalAwsStop", Output);
            // Detached: its own session, so the terminal's Ctrl-C and the build's exit do not reach it.
            if (OperatingSystem.IsLinux())
                Assert.Equal(started.ProcessId, SessionOf(started.ProcessId!.Value));

            var again = await local.EnsureRunningAsync(_console, CancellationToken.None);
            Assert.Equal(LocalAwsState.AlreadyRunning, again.State);
            Assert.Equal(started.ProcessId, again.ProcessId);
        }
        finally
        {
            Assert.True(await local.StopAsync(_console, CancellationToken.None));
        }

        Assert.False(File.Exists(local.PidFile));
        Assert.False(await MotoServer.IsAnsweringAsync(local.Endpoint, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(started.ProcessId!.Value));
        Assert.Contains($"stopped moto (pid {started.ProcessId})", Output);
    }

    [Fact]
    public async Task Uses_what_already_answers_on_the_port_and_never_stops_it()
    {
        var port = MotoServer.FreePort();
        using var foreign = new HttpListener();
        foreign.Prefixes.Add($"http://127.0.0.1:{port}/");
        foreign.Start();
        _ = AnswerAsync(foreign);
        var local = new LocalAws(_root.FullName, port);

        var status = await local.EnsureRunningAsync(_console, CancellationToken.None);
        var stopped = await local.StopAsync(_console, CancellationToken.None);

        Assert.Equal(LocalAwsState.AlreadyRunning, status.State);
        Assert.False(File.Exists(local.PidFile));
        Assert.False(stopped);
        Assert.True(foreign.IsListening);
        Assert.Contains("Liftoff did not start what answers", Output);
    }

    [Fact]
    public async Task Stop_says_so_when_nothing_was_started()
    {
        var local = new LocalAws(_root.FullName, MotoServer.FreePort());

        Assert.False(await local.StopAsync(_console, CancellationToken.None));

        Assert.Contains("not running (no .nuke/temp/local-aws.pid)", Output);
    }

    [Fact]
    public async Task A_missing_python_says_how_to_install_moto()
    {
        var local = new LocalAws(_root.FullName, MotoServer.FreePort(), python: Path.Combine(_root.FullName, "no-such-python3"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => local.EnsureRunningAsync(_console, CancellationToken.None));

        Assert.Contains("pip install \"moto[server]\"", error.Message);
        Assert.False(File.Exists(local.PidFile));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the stand-in python is a /bin/sh script
    public async Task A_python_without_moto_says_how_to_install_it_and_shows_why()
    {
        // The real interpreter, with a `moto` package earlier on its path that fails to import as a missing one does.
        var shadow = Directory.CreateDirectory(Path.Combine(_root.FullName, "shadow", "moto"));
        File.WriteAllText(Path.Combine(shadow.FullName, "__init__.py"), "raise ModuleNotFoundError(\"No module named 'moto'\", name='moto')\n");
        var fakePython = Path.Combine(_root.FullName, "python3-without-moto");
        File.WriteAllText(fakePython, $"#!/bin/sh\nPYTHONPATH='{shadow.Parent!.FullName}' exec python3 \"$@\"\n");
        File.SetUnixFileMode(fakePython, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var local = new LocalAws(_root.FullName, MotoServer.FreePort(), python: fakePython);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => local.EnsureRunningAsync(_console, CancellationToken.None));

        Assert.Contains("pip install \"moto[server]\"", error.Message);
        Assert.Contains("No module named", error.Message);
        Assert.False(File.Exists(local.PidFile));
    }

    private static int SessionOf(int pid) =>
        int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]);

    private static async Task AnswerAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            try
            {
                var context = await listener.GetContextAsync();
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
