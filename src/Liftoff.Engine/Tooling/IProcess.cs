namespace Liftoff.Engine.Tooling;

/// <summary>A started tool, as NUKE's: wait for it, read what it printed, or kill it.</summary>
public interface IProcess : IDisposable
{
    string FileName { get; }
    string Arguments { get; }
    string WorkingDirectory { get; }

    /// <summary>Every line printed so far, in order.</summary>
    IReadOnlyCollection<Output> Output { get; }

    /// <summary>The exit code; waits for the process to end first.</summary>
    int ExitCode { get; }

    bool HasExited { get; }

    void Kill();

    /// <summary>Waits for the end; false when the process was stopped by its timeout.</summary>
    bool WaitForExit();
}

public static class ProcessExtensions
{
    /// <summary>Waits, then throws <see cref="ProcessException"/> (command line, folder, last lines) on a non-zero exit.</summary>
    public static IProcess AssertZeroExitCode(this IProcess process)
    {
        process.AssertWaitForExit();
        if (process.ExitCode != 0)
            throw new ProcessException(Internal.Tooling.RunningProcess.Describe(process, $"exited with code {process.ExitCode}"), process.ExitCode);
        return process;
    }

    /// <summary>Waits, then throws when the process was stopped by its timeout.</summary>
    public static IProcess AssertWaitForExit(this IProcess process)
    {
        if (!process.WaitForExit())
            throw new ProcessException(Internal.Tooling.RunningProcess.Describe(process, "was stopped by its timeout"), -1);
        return process;
    }
}
