using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Liftoff.Aws.Local;

/// <summary>What <see cref="LocalAws.EnsureRunningAsync"/> found or did.</summary>
public enum LocalAwsState
{
    /// <summary>Something already answered on the port (LocalStack, moto, an earlier LocalAws): used as it is.</summary>
    AlreadyRunning,
    /// <summary>Liftoff started moto in the background and recorded its pid.</summary>
    Started,
}

public sealed record LocalAwsStatus(LocalAwsState State, string Endpoint, int? ProcessId);

/// <summary>
/// The local AWS for <c>--env local</c>: moto's server on 127.0.0.1:4566 (LocalStack's conventional port),
/// started in the background when nothing answers there and left running for the next commands.
/// Its pid goes to .nuke/temp/local-aws.pid so that <see cref="StopAsync"/> (the LocalAwsStop target)
/// stops exactly the process Liftoff started.
/// </summary>
public sealed class LocalAws(string rootDirectory, int port = LocalAws.DefaultPort, string python = "python3")
{
    public const int DefaultPort = 4566;

    /// <summary>The environment the local AWS serves: <c>--env local</c>.</summary>
    public const string EnvironmentName = "local";

    public string Endpoint => $"http://127.0.0.1:{port}";
    public string PidFile => Path.Combine(TempDirectory, "local-aws.pid");
    public string LogFile => Path.Combine(TempDirectory, "local-aws.log");
    private string TempDirectory => Path.Combine(rootDirectory, ".nuke", "temp");

    public async Task<LocalAwsStatus> EnsureRunningAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (await MotoServer.IsAnsweringAsync(Endpoint, cancellationToken))
        {
            console.MarkupLineInterpolated($"Local AWS: using what already answers on [bold]{Endpoint}[/].");
            return new LocalAwsStatus(LocalAwsState.AlreadyRunning, Endpoint, ReadPid());
        }

        Directory.CreateDirectory(TempDirectory);
        console.MarkupLineInterpolated($"Local AWS: nothing answers on {Endpoint}; starting moto in the background…");
        var server = await MotoServer.StartAsync(port,
            new MotoServerOptions { Detached = true, LogFile = LogFile, Python = python }, cancellationToken);
        await using (server)
        {
            await File.WriteAllTextAsync(PidFile, server.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n", CancellationToken.None);
            console.MarkupLineInterpolated(
                $"Local AWS: moto (pid {server.ProcessId}) answers on [bold]{Endpoint}[/]; log {Relative(LogFile)}. Stop it with [bold]./build.sh LocalAwsStop[/].");
            return new LocalAwsStatus(LocalAwsState.Started, Endpoint, server.ProcessId);
        }
    }

    /// <summary>Stops the server Liftoff started (by the pid file); true when a process was stopped.</summary>
    public async Task<bool> StopAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var pid = ReadPid();
        if (pid is null)
        {
            var foreign = await MotoServer.IsAnsweringAsync(Endpoint, cancellationToken);
            if (foreign)
                console.MarkupLineInterpolated($"Local AWS: Liftoff did not start what answers on {Endpoint} (no {Relative(PidFile)}); left running.");
            else
                console.MarkupLineInterpolated($"Local AWS: not running (no {Relative(PidFile)}).");
            return false;
        }

        var stopped = await KillIfMotoAsync(pid.Value, cancellationToken);
        File.Delete(PidFile);
        if (stopped)
            console.MarkupLineInterpolated($"Local AWS: stopped moto (pid {pid}) on {Endpoint}.");
        else
            console.MarkupLineInterpolated($"Local AWS: moto (pid {pid}) had already exited; removed {Relative(PidFile)}.");
        return stopped;
    }

    private static async Task<bool> KillIfMotoAsync(int pid, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return false;
        }
        using (process)
        {
            // The pid may have been reused by an unrelated process since moto exited.
            if (process.HasExited || !IsMoto(process))
                return false;
            process.Kill(entireProcessTree: true);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
    }

    private static bool IsMoto(Process process)
    {
        var commandLine = $"/proc/{process.Id}/cmdline";
        if (File.Exists(commandLine))
            return File.ReadAllText(commandLine).Contains("moto.server", StringComparison.Ordinal);
        // No /proc (macOS): the name is the best available check.
        return process.ProcessName.Contains("python", StringComparison.OrdinalIgnoreCase);
    }

    private int? ReadPid()
    {
        if (!File.Exists(PidFile))
            return null;
        return int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private string Relative(string path) => Path.GetRelativePath(rootDirectory, path);
}
