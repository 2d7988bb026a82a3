using System.Diagnostics;
using System.Text;
using Liftoff.Deploying;

namespace Liftoff.Tests.Reliability;

/// <summary>
/// A real <c>./build.sh</c> process (this repository's), run on another repository with --root: the test stops it at a
/// <see cref="DeployPoint"/> through the deploy's test hook (LIFTOFF_TEST_PAUSE_AT), then signals or kills it.
/// </summary>
internal sealed class BuildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _pauses;

    private BuildProcess(Process process, string pauses)
    {
        _process = process;
        _pauses = pauses;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts <c>./build.sh {arguments} --root {root}</c>, to stop at <paramref name="pauseAt"/> when given.</summary>
    public static BuildProcess Start(string root, DeployPoint? pauseAt, params string[] arguments)
    {
        var pauses = Directory.CreateTempSubdirectory("liftoff-pause-").FullName;
        var start = new ProcessStartInfo(Path.Combine(Configuration.RepositoryFolders.Root, "build.sh"))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Options take the words that follow them, so the targets come first.
        foreach (var argument in arguments.Concat(["--root", root])) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        if (pauseAt is { } point)
        {
            start.Environment[DeployPause.PointVariable] = DeployPause.Name(point);
            start.Environment[DeployPause.FolderVariable] = pauses;
        }
        return new BuildProcess(Process.Start(start)!, pauses);
    }

    /// <summary>Waits until the run writes the hook's marker at <paramref name="point"/>; fails if it ends first.</summary>
    public async Task PausedAtAsync(DeployPoint point)
    {
        var marker = Path.Combine(_pauses, DeployPause.Name(point) + ".paused");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!File.Exists(marker))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The build ended ({_process.ExitCode}) before {point}:\n{Output}");
            await Task.Delay(50, limit.Token);
        }
    }

    /// <summary>SIGTERM, as CI systems cancel a job (sent with kill(1): .NET can send only SIGKILL).</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} exited {kill.ExitCode}");
    }

    /// <summary>SIGKILL: the process ends at once, cleaning nothing up.</summary>
    public void KillHard() => _process.Kill();

    public async Task<int> ExitCodeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _process.WaitForExitAsync(limit.Token);
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
        Directory.Delete(_pauses, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
