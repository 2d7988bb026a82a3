namespace Liftoff.Engine.Tooling;

/// <summary>
/// A program to call like a method, as NUKE's: <c>[PathVariable] readonly Tool Npm;</c> then <c>Npm("ci")</c>. The
/// arguments are one string, split as the platform splits a command line (NUKE 7 also quotes interpolated values; here
/// quote them yourself). A non-zero exit throws unless an exitHandler decides otherwise.
/// </summary>
public delegate IReadOnlyCollection<Output> Tool(
    string? arguments = null,
    string? workingDirectory = null,
    IReadOnlyDictionary<string, string>? environmentVariables = null,
    int? timeout = null,
    bool? logOutput = null,
    bool? logInvocation = null,
    Action<OutputType, string>? logger = null,
    Action<IProcess>? exitHandler = null);

/// <summary>Makes <see cref="Tool"/>s from a program name on PATH or a path.</summary>
public static class ToolResolver
{
    public static Tool GetPathTool(string name) => GetTool(name);

    public static Tool GetTool(string toolPath) =>
        (arguments, workingDirectory, environmentVariables, timeout, logOutput, logInvocation, logger, exitHandler) =>
        {
            var process = ProcessTasks.StartProcess(toolPath, arguments, workingDirectory, environmentVariables, timeout, logOutput, logInvocation, logger);
            if (exitHandler is not null)
            {
                process.WaitForExit();
                exitHandler(process);
            }
            else process.AssertZeroExitCode();
            return process.Output;
        };
}

/// <summary>Finds programs: on PATH (with PATHEXT on Windows), or named by an environment variable.</summary>
public static class ToolPathResolver
{
    /// <summary>The full path of a program on PATH; throws a message that says what to install when it is missing.</summary>
    public static string GetPathExecutable(string name) =>
        TryGetPathExecutable(name) ?? throw new InvalidOperationException($"{name} was not found on PATH. Install it, or put its folder on PATH.");

    public static string? TryGetPathExecutable(string name)
    {
        if (Path.IsPathRooted(name)) return File.Exists(name) ? name : null;
        var path = Internal.BuildContext.Current.Variable("PATH") ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        var extensions = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';').Prepend("")
            : [""];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => extensions.Select(extension => Path.Combine(directory, name + extension)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The program an environment variable names (e.g. DOTNET_EXE), when it is set.</summary>
    public static string? TryGetEnvironmentExecutable(string variable) => Internal.BuildContext.Current.Variable(variable);

    /// <summary>A path is used as it is; a bare name is looked up on PATH, and left for the OS to report when missing.</summary>
    internal static string Resolve(string toolPath) =>
        toolPath.Contains('/') || toolPath.Contains('\\') ? toolPath : TryGetPathExecutable(toolPath) ?? toolPath;
}

/// <summary>Injects a <see cref="Tool"/> for a program on PATH: <c>[PathVariable] readonly Tool Npm;</c> (the member's name, lower-cased, unless given).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class PathVariableAttribute(string? pathExecutable = null) : Attribute
{
    public string? PathExecutable { get; } = pathExecutable;
}
