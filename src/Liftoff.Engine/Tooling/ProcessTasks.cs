namespace Liftoff.Engine.Tooling;

/// <summary>
/// Starts any program, as NUKE's <c>ProcessTasks.StartProcess("npm", "ci", dir).AssertZeroExitCode()</c>. The working
/// directory defaults to the build's root (NUKE's is the current directory), so a build acts the same from any folder.
/// </summary>
public static class ProcessTasks
{
    public static IProcess StartProcess(
        string toolPath,
        string? arguments = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        int? timeout = null,
        bool? logOutput = null,
        bool? logInvocation = null,
        Action<OutputType, string>? logger = null) =>
        Internal.Tooling.RunningProcess.Start(ToolPathResolver.Resolve(toolPath), null, arguments, workingDirectory,
            environmentVariables, timeout, logOutput, logInvocation, logger);

    /// <summary>Like <see cref="StartProcess(string,string?,string?,IReadOnlyDictionary{string,string}?,int?,bool?,bool?,Action{OutputType,string}?)"/> with arguments passed one by one, each quoted as needed.</summary>
    public static IProcess StartProcess(
        string toolPath,
        IReadOnlyList<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        int? timeout = null,
        bool? logOutput = null,
        bool? logInvocation = null,
        Action<OutputType, string>? logger = null) =>
        Internal.Tooling.RunningProcess.Start(ToolPathResolver.Resolve(toolPath), arguments, null, workingDirectory,
            environmentVariables, timeout, logOutput, logInvocation, logger);

    /// <summary>Runs a command line through the platform's shell (sh -c, or cmd /c on Windows).</summary>
    public static IProcess StartShell(string command, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null, int? timeout = null, bool? logOutput = null) =>
        OperatingSystem.IsWindows()
            ? StartProcess("cmd.exe", ["/d", "/s", "/c", command], workingDirectory, environmentVariables, timeout, logOutput)
            : StartProcess("/bin/sh", ["-c", command], workingDirectory, environmentVariables, timeout, logOutput);
}
