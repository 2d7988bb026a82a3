using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.Tools.DotNet;

/// <summary>Runs dotnet commands: one at a time, or a combined set with a degree of parallelism.</summary>
public static partial class DotNetTasks
{
    /// <summary>The dotnet executable: DOTNET_EXE when set, else dotnet on PATH.</summary>
    public static string DotNetPath =>
        ToolPathResolver.TryGetEnvironmentExecutable("DOTNET_EXE") ?? ToolPathResolver.TryGetPathExecutable("dotnet") ?? "dotnet";

    /// <summary>Any dotnet command line: <c>DotNet("format --verify-no-changes")</c>.</summary>
    public static IReadOnlyCollection<Output> DotNet(string arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null, int? timeout = null, bool? logOutput = null) =>
        ProcessTasks.StartProcess(DotNetPath, arguments, workingDirectory, environmentVariables, timeout, logOutput).AssertZeroExitCode().Output;

    private static class DotNetRunner
    {
        public static IReadOnlyCollection<Output> Run(DotNetSettings settings, Action<OutputType, string>? logger = null) =>
            ProcessTasks.StartProcess(settings.ProcessToolPath ?? DotNetPath, settings.Arguments(), settings.ProcessWorkingDirectory,
                    settings.ProcessEnvironmentVariables.IsEmpty ? null : settings.ProcessEnvironmentVariables,
                    settings.ProcessExecutionTimeout, settings.ProcessLogOutput, settings.ProcessLogInvocation, logger)
                .AssertZeroExitCode().Output;

        /// <summary>
        /// Runs every settings value, up to <paramref name="degreeOfParallelism"/> at once. In parallel, each command's
        /// lines are held and printed together when it ends, so logs never interleave. Without completeOnFailure the
        /// first failure stops what has not started; with it, all run and every failure is reported.
        /// </summary>
        public static IEnumerable<(T Settings, IReadOnlyCollection<Output> Output)> RunAll<T>(
            IReadOnlyList<T> all, int degreeOfParallelism, bool completeOnFailure) where T : DotNetSettings
        {
            var context = Internal.BuildContext.Current;
            var results = new (T Settings, IReadOnlyCollection<Output> Output)[all.Count];
            var failures = new List<Exception>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degreeOfParallelism), CancellationToken = stop.Token };
            try
            {
                Parallel.For(0, all.Count, options, i =>
                {
                    var held = new List<string>();
                    try
                    {
                        results[i] = (all[i], Run(all[i], degreeOfParallelism > 1 ? (_, line) => { lock (held) held.Add(line); } : null));
                    }
                    catch (Exception e) when (e is ProcessException or ArgumentException)
                    {
                        lock (failures) failures.Add(e);
                        if (!completeOnFailure) stop.Cancel();
                    }
                    finally
                    {
                        lock (context) foreach (var line in held) context.WriteLine(line);
                    }
                });
            }
            catch (OperationCanceledException) when (failures.Count > 0 && !context.CancellationToken.IsCancellationRequested)
            {
                // Stopped by the first failure, reported below.
            }
            if (failures.Count == 1) throw failures[0];
            if (failures.Count > 1) throw new AggregateException($"{failures.Count} of {all.Count} dotnet commands failed.", failures);
            return results;
        }
    }
}
