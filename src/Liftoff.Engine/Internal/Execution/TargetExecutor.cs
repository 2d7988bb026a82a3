using System.Diagnostics;
using Liftoff.Engine.Execution;
using Liftoff.Engine.Internal.Output;
using Liftoff.Engine.Internal.Planning;
using Spectre.Console;

namespace Liftoff.Engine.Internal.Execution;

/// <summary>
/// Runs a plan in order, one target at a time. A target does not run when something it depends on (or the
/// target that triggered it) failed or did not run; after a failure, only targets marked AssuredAfterFailure
/// run, unless the failed target said ProceedAfterFailure. Each target's public status follows as it goes, and the
/// build's lifecycle overrides (OnTargetRunning, ...) are called around it.
/// </summary>
internal sealed class TargetExecutor(IAnsiConsole console, HostOutput hostOutput, bool trace, LiftoffBuild build,
    IReadOnlySet<string> succeededBefore)
{
    public async Task<IReadOnlyList<TargetResult>> RunAsync(ExecutionPlan plan, CancellationToken cancellationToken)
    {
        var results = new Dictionary<TargetInfo, TargetResult>();
        var stopped = false;

        foreach (var target in plan.Targets)
        {
            var result = Decide(target, plan, results, stopped, succeededBefore, cancellationToken)
                         ?? await ExecuteAsync(target, cancellationToken);
            result = Publish(target, result);
            results[target] = result;
            if (result.Status == TargetStatus.Failed && !target.Definition.ProceedsAfterFailure) stopped = true;
        }

        return plan.Targets.Select(t => results[t]).ToList();
    }

    /// <summary>The result of a target that will not execute, or null when it should.</summary>
    private static TargetResult? Decide(TargetInfo target, ExecutionPlan plan, Dictionary<TargetInfo, TargetResult> results,
        bool stopped, IReadOnlySet<string> succeededBefore, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, TargetResult.Cancelled);
        if (plan.Skipped.Contains(target))
            return new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, "skipped");
        if (succeededBefore.Contains(target.Name))
            return new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, TargetResult.SucceededBefore);

        var assured = target.Definition.IsAssuredAfterFailure;
        var triggeredBy = plan.Targets.Where(t => t.Triggers.Contains(target));
        var blocker = target.DependsOn.Concat(triggeredBy)
            .FirstOrDefault(d => results.TryGetValue(d, out var r) && r.Status is TargetStatus.Failed or TargetStatus.NotRun);
        if (blocker is not null && !assured)
            return new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, $"{blocker.Name} did not succeed");
        if (stopped && !assured)
            return new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, "an earlier target failed");
        return null;
    }

    /// <summary>Checks OnlyWhenDynamic, then runs the actions; a condition that throws fails the target like an action would.</summary>
    private async Task<TargetResult> ExecuteAsync(TargetInfo target, CancellationToken cancellationToken)
    {
        try
        {
            if (target.Definition.DynamicConditions.Any(condition => !condition()))
                return new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, "condition false");
        }
        catch (Exception exception)
        {
            hostOutput.TargetFailed(target.Name, $"its OnlyWhenDynamic condition threw: {Describe(exception)}");
            if (trace) console.WriteLine(exception.ToString());
            return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, exception.Message);
        }
        if (target.Definition.Actions.Count == 0)
            return new TargetResult(target.Name, TargetStatus.Collective, TimeSpan.Zero);

        hostOutput.TargetStarted(target.Name);
        var clock = Stopwatch.StartNew();
        target.Executable.Status = ExecutionStatus.Running;
        build.CurrentTarget = target.Executable;
        try
        {
            build.OnTargetRunning(target.Name);
            build.OnTargetStart(target.Name);
            foreach (var action in target.Definition.Actions)
                await action(cancellationToken);
            return new TargetResult(target.Name, TargetStatus.Succeeded, clock.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            hostOutput.TargetFailed(target.Name, TargetResult.Cancelled);
            return new TargetResult(target.Name, TargetStatus.Failed, clock.Elapsed, TargetResult.Cancelled);
        }
        catch (Exception exception)
        {
            hostOutput.TargetFailed(target.Name, Describe(exception));
            if (trace) console.WriteLine(exception.ToString());
            return new TargetResult(target.Name, TargetStatus.Failed, clock.Elapsed, exception.Message);
        }
        finally
        {
            build.CurrentTarget = null;
            hostOutput.TargetFinished(target.Name);
        }
    }

    /// <summary>Sets the target's public status and calls the build's override for it; an override that throws fails the target.</summary>
    private TargetResult Publish(TargetInfo target, TargetResult result)
    {
        var executable = target.Executable;
        executable.Duration = result.Duration;
        executable.Status = result.Status switch
        {
            TargetStatus.Succeeded => ExecutionStatus.Succeeded,
            TargetStatus.Failed => ExecutionStatus.Failed,
            TargetStatus.Skipped => ExecutionStatus.Skipped,
            TargetStatus.Collective => ExecutionStatus.Collective,
            _ => result.Reason == TargetResult.Cancelled ? ExecutionStatus.Aborted : ExecutionStatus.NotRun,
        };
        try
        {
            if (executable.Status == ExecutionStatus.Succeeded) build.OnTargetSucceeded(target.Name);
            else if (executable.Status == ExecutionStatus.Failed) build.OnTargetFailed(target.Name);
            else if (executable.Status == ExecutionStatus.Skipped) build.OnTargetSkipped(target.Name);
            return result;
        }
        catch (Exception exception)
        {
            hostOutput.TargetFailed(target.Name, $"a lifecycle override threw: {Describe(exception)}");
            executable.Status = ExecutionStatus.Failed;
            return result with { Status = TargetStatus.Failed, Reason = exception.Message };
        }
    }

    private static string Describe(Exception exception) => ExceptionText.Describe(exception);
}
