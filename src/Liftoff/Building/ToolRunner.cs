using System.ComponentModel;
using System.Text;
using CliWrap;
using Liftoff.Engine;

namespace Liftoff.Building;

/// <summary>What a tool printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs the tools the builders need (npm, node, esbuild, python3, cfn-lint, a project's own commands)
/// through CliWrap: every line streamed to the output prefixed with the project's name, the last lines
/// kept for the failure message, and the whole process tree killed when the token is cancelled. Tools get
/// the <see cref="BuilderEnvironment"/> of the run that creates the runner, never its credentials.
/// </summary>
public sealed class ToolRunner(TextWriter output)
{
    private const int TailLines = 40;
    private readonly TextWriter _output = TextWriter.Synchronized(output);
    private readonly IReadOnlyDictionary<string, string?> _environment = BuilderEnvironment.For(EnvironmentInfo.Variables);

    /// <summary>Writes one line of Liftoff's own, prefixed like the tools' lines.</summary>
    public void Report(string prefix, string message) => _output.WriteLine($"[{prefix}] {message}");

    /// <summary>Runs a command line written in configuration (e.g. "node build.mjs") through the platform's shell.</summary>
    public Task<ToolResult> RunShellAsync(
        string prefix, string workingDirectory, string commandLine, CancellationToken cancellationToken,
        bool throwOnFailure = true, IReadOnlyDictionary<string, string?>? environment = null) =>
        OperatingSystem.IsWindows()
            ? RunAsync(prefix, workingDirectory, "cmd.exe", ["/d", "/s", "/c", commandLine], cancellationToken, throwOnFailure, environment, commandLine)
            : RunAsync(prefix, workingDirectory, "/bin/sh", ["-c", commandLine], cancellationToken, throwOnFailure, environment, commandLine);

    public async Task<ToolResult> RunAsync(
        string prefix, string workingDirectory, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        bool throwOnFailure = true, IReadOnlyDictionary<string, string?>? environment = null, string? display = null)
    {
        display ??= string.Join(' ', [Path.GetFileName(program), .. arguments]);
        var all = new StringBuilder();
        var tail = new Queue<string>();
        void Line(string line)
        {
            lock (tail)
            {
                all.AppendLine(line);
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
            }
            if (!string.IsNullOrWhiteSpace(line)) _output.WriteLine($"[{prefix}] {line}");
        }

        var command = Cli.Wrap(Executable(program))
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(Quiet(environment))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Line))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(Line))
            .WithValidation(CommandResultValidation.None);
        CommandResult result;
        try
        {
            // Cancelling kills the whole process tree (npm starts children), so nothing keeps writing after Ctrl-C.
            result = await command.ExecuteAsync(cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new BuildStepException($"[{prefix}] cannot run `{display}`: {Path.GetFileName(program)} was not found on PATH ({Install(program)}).", e);
        }

        var toolResult = new ToolResult(result.ExitCode, all.ToString());
        if (throwOnFailure && !toolResult.Succeeded)
        {
            string[] lines;
            lock (tail) lines = tail.ToArray();
            throw new BuildStepException(
                $"[{prefix}] `{display}` failed in {workingDirectory} (exit code {result.ExitCode}):{Environment.NewLine}" +
                string.Join(Environment.NewLine, lines.Select(l => "    " + l)));
        }
        return toolResult;
    }

    /// <summary>The builder environment, quiet (colour codes and progress bars make logs unreadable and outputs unparseable), and the call's own.</summary>
    private Dictionary<string, string?> Quiet(IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>(_environment, StringComparer.OrdinalIgnoreCase)
        {
            ["NO_COLOR"] = "1",
            ["FORCE_COLOR"] = "0",
            ["npm_config_progress"] = "false",
            ["npm_config_fund"] = "false",
            ["npm_config_audit"] = "false",
            ["npm_config_update_notifier"] = "false",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) variables[key] = value;
        return variables;
    }

    /// <summary>npm is npm.cmd on Windows.</summary>
    private static string Executable(string program) =>
        OperatingSystem.IsWindows() && program is "npm" or "npx" ? program + ".cmd" : program;

    private static string Install(string program) => Path.GetFileName(program) switch
    {
        "npm" or "node" or "npx" => "install Node.js 20 or later",
        "python3" or "python" => "install Python 3.12 or later",
        "cfn-lint" => "install it with `pip install cfn-lint`",
        _ => "install it or fix the command",
    };
}
