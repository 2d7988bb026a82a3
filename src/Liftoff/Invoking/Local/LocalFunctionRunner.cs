using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CliWrap;
using Liftoff.Configuration.Runtimes;
using Liftoff.Packaging;

namespace Liftoff.Invoking.Local;

/// <summary>
/// Runs one invocation of a function's code in a local node or python3 process, as Lambda would: a fresh
/// process with Lambda's environment, the handler loaded from the code folder, the event in, the result or
/// the error out as Lambda reports them. Init may take up to Lambda's 10 seconds; from the moment the handler
/// is called, the function's own timeout applies and past it the process (and anything it started) is killed.
/// </summary>
public sealed class LocalFunctionRunner(LambdaRuntimeCache runtimes)
{
    /// <summary>Lambda's limit for a function's init phase (loading its code) on demand.</summary>
    public static readonly TimeSpan InitLimit = TimeSpan.FromSeconds(10);

    public async Task<InvocationResult> InvokeAsync(LocalFunction function, string eventJson, CancellationToken cancellationToken)
    {
        var runtime = LambdaRuntime.Parse(function.Environment.Runtime)
            ?? throw new InvokeException(
                $"{function.Environment.FunctionName} runs on {function.Environment.Runtime}, which Liftoff cannot run on this machine (only nodejs and python runtimes).");
        var (local, script) = await runtimes.ResolveAsync(runtime.Language, cancellationToken);
        var program = local.Executable;

        var requestId = Guid.NewGuid().ToString();
        var work = Directory.CreateTempSubdirectory("liftoff-invoke-").FullName;
        try
        {
            var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
            var eventFile = Path.Combine(work, "event.json");
            var resultFile = Path.Combine(work, "result.json");
            await File.WriteAllTextAsync(eventFile, eventJson, cancellationToken);
            var run = await RunAsync(function, home, program,
                [script, eventFile, resultFile, requestId, ((long)function.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), function.InvokedArn],
                requestId, cancellationToken);
            return await ResultAsync(function, run, resultFile, requestId, cancellationToken);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed record ProcessRun(int? ExitCode, bool TimedOut, bool InitTimedOut, IReadOnlyList<string> Logs, TimeSpan? SinceInvokeStarted);

    private static async Task<ProcessRun> RunAsync(
        LocalFunction function, string home, string program, string[] arguments, string requestId, CancellationToken cancellationToken)
    {
        var marker = $"LIFTOFF-INVOKE-START {requestId}";
        var logs = new List<string>();
        var clock = Stopwatch.StartNew();
        TimeSpan? invokeStartedAt = null;
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        kill.CancelAfter(InitLimit);
        void Line(string line)
        {
            if (line == marker)
            {
                invokeStartedAt = clock.Elapsed;
                kill.CancelAfter(function.Timeout);
                return;
            }
            lock (logs) logs.Add(line);
        }

        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(function.TaskRoot)
            .WithEnvironmentVariables(OnlyLambdas(function, home))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Line, Encoding.UTF8))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(Line, Encoding.UTF8))
            .WithValidation(CommandResultValidation.None);
        try
        {
            var result = await command.ExecuteAsync(kill.Token);
            return new ProcessRun(result.ExitCode, false, false, Snapshot(logs), clock.Elapsed - invokeStartedAt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProcessRun(null, true, invokeStartedAt is null, Snapshot(logs), clock.Elapsed - invokeStartedAt);
        }
        catch (Win32Exception e)
        {
            throw new InvokeException($"Cannot start '{program}' to run {function.Environment.FunctionName}: {e.Message}. Install it and put it on PATH.", e);
        }
    }

    private static async Task<InvocationResult> ResultAsync(
        LocalFunction function, ProcessRun run, string resultFile, string requestId, CancellationToken cancellationToken)
    {
        var result = new InvocationResult { Payload = "null", RequestId = requestId, Logs = run.Logs, Duration = run.SinceInvokeStarted ?? TimeSpan.Zero };
        if (run.TimedOut)
        {
            var limit = run.InitTimedOut ? InitLimit : function.Timeout;
            // Lambda's answer to a timeout (errorType Sandbox.Timedout, "Task timed out after N seconds").
            var message = $"RequestId: {requestId} Error: Task timed out after {limit.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} seconds";
            return result with
            {
                Payload = JsonSerializer.Serialize(new { errorType = "Sandbox.Timedout", errorMessage = message }),
                FunctionError = "Unhandled",
                TimedOut = true,
                Duration = limit,
            };
        }
        if (!File.Exists(resultFile))
        {
            // The process ended without answering: Lambda reports the runtime's exit.
            var message = $"RequestId: {requestId} Error: Runtime exited with error: exit status {run.ExitCode}";
            return result with
            {
                Payload = JsonSerializer.Serialize(new { errorType = "Runtime.ExitError", errorMessage = message }),
                FunctionError = "Unhandled",
            };
        }

        using var answer = JsonDocument.Parse(await File.ReadAllBytesAsync(resultFile, cancellationToken));
        var root = answer.RootElement;
        result = result with
        {
            InitDuration = Milliseconds(root, "initMs"),
            Duration = Milliseconds(root, "durationMs") ?? result.Duration,
        };
        return root.TryGetProperty("error", out var error)
            ? result with { Payload = error.GetRawText(), FunctionError = "Unhandled" }
            : result with { Payload = root.GetProperty("payload").GetString() ?? "null" };
    }

    /// <summary>Lambda's variables, and every other variable of this process removed from the child's.</summary>
    private static IReadOnlyDictionary<string, string?> OnlyLambdas(LocalFunction function, string home)
    {
        var variables = new Dictionary<string, string>(function.Environment.For(function.TaskRoot, home), StringComparer.Ordinal)
        {
            // Logs reach Liftoff as they are written, also from a process killed at its timeout; no __pycache__ in the code folder.
            ["PYTHONUNBUFFERED"] = "1",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
        return LambdaEnvironment.Replacing(variables);
    }

    private static TimeSpan? Milliseconds(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? TimeSpan.FromMilliseconds(value.GetDouble()) : null;

    private static List<string> Snapshot(List<string> logs)
    {
        lock (logs) return [.. logs];
    }
}
