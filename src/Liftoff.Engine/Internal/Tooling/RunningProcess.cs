using System.ComponentModel;
using CliWrap;
using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.Internal.Tooling;

using Output = Liftoff.Engine.Tooling.Output;

/// <summary>
/// A tool run through CliWrap. Each line is relayed as it comes through the run's console, where secrets are masked,
/// unless a logger takes it; the run's cancellation (Ctrl-C) and the timeout kill the whole process tree.
/// </summary>
internal sealed class RunningProcess : IProcess
{
    private const int TailLines = 40;
    private readonly List<Output> _output = [];
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _runCancellation;
    private Task<CommandResult> _task = Task.FromResult<CommandResult>(null!);
    private bool _timedOut;

    private RunningProcess(string fileName, string arguments, string workingDirectory, CancellationToken runCancellation, int? timeout)
    {
        FileName = fileName;
        Arguments = arguments;
        WorkingDirectory = workingDirectory;
        _runCancellation = runCancellation;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
        if (timeout is { } milliseconds) _stop.CancelAfter(milliseconds);
    }

    public string FileName { get; }
    public string Arguments { get; }
    public string WorkingDirectory { get; }

    public IReadOnlyCollection<Output> Output
    {
        get { lock (_output) return _output.ToArray(); }
    }

    public int ExitCode
    {
        get
        {
            WaitForExit();
            return _timedOut ? -1 : _task.Result.ExitCode;
        }
    }

    public bool HasExited => _task.IsCompleted;

    public void Kill() => _stop.Cancel();

    public bool WaitForExit()
    {
        try
        {
            _task.GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException) when (!_runCancellation.IsCancellationRequested)
        {
            _timedOut = true;
            return false;
        }
        catch (Win32Exception e)
        {
            throw new ProcessException($"Cannot run `{Path.GetFileName(FileName)}`: it was not found ({e.Message}). Install it or put it on PATH.", -1);
        }
    }

    public void Dispose() => _stop.Dispose();

    /// <summary>Starts a tool; <paramref name="arguments"/> is either a list (quoted for the platform) or one raw string.</summary>
    public static IProcess Start(string fileName, IReadOnlyList<string>? argumentList, string? rawArguments, string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment, int? timeout, bool? logOutput, bool? logInvocation,
        Action<OutputType, string>? logger)
    {
        var context = BuildContext.Current;
        var directory = workingDirectory ?? context.RootDirectory;
        var command = CliWrap.Cli.Wrap(fileName).WithWorkingDirectory(directory).WithValidation(CommandResultValidation.None);
        command = argumentList is not null ? command.WithArguments(argumentList) : command.WithArguments(rawArguments ?? "");
        // A child gets the run's environment (an in-process run's own, the process's otherwise), then the call's additions.
        var variables = context.Environment.ToDictionary(e => e.Key, e => (string?)e.Value);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) variables[name] = value;
        command = command.WithEnvironmentVariables(variables);

        var process = new RunningProcess(fileName, command.Arguments, directory, context.CancellationToken, timeout);
        if (logInvocation ?? true) context.WriteLine($"> {Path.GetFileName(fileName)} {command.Arguments}");
        var relay = logOutput ?? context.Verbosity != Verbosity.Quiet;
        void Line(OutputType type, string text)
        {
            lock (process._output) process._output.Add(new Output(type, text));
            if (logger is not null) logger(type, context.Secrets.Apply(text));
            else if (relay) context.WriteLine(text);
        }
        try
        {
            process._task = command
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Line(OutputType.Std, line)))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Line(OutputType.Err, line)))
                .ExecuteAsync(process._stop.Token).Task;
        }
        catch (Win32Exception e)
        {
            // A missing program can fail the start itself; WaitForExit reports it like any other failure.
            process._task = Task.FromException<CommandResult>(e);
        }
        return process;
    }

    /// <summary>"`dotnet build x.sln` exited with code 1 in /repo:" and the last lines, masked.</summary>
    public static string Describe(IProcess process, string what)
    {
        var lines = process.Output.TakeLast(TailLines).Select(o => "    " + o.Text);
        var text = $"`{Path.GetFileName(process.FileName)} {process.Arguments}` {what} in {process.WorkingDirectory}:{Environment.NewLine}" +
                   string.Join(Environment.NewLine, lines);
        return BuildContext.Current.Secrets.Apply(text);
    }
}
