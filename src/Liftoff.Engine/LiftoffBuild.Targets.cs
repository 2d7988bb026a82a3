using Liftoff.Engine.Execution;
using Liftoff.Engine.Tooling;

namespace Liftoff.Engine;

/// <summary>The run's targets and their states, as NUKE's ExecutionPlan, InvokedTargets, ..., FinishedTargets.</summary>
public abstract partial class LiftoffBuild
{
    public IReadOnlyCollection<ExecutableTarget> ExecutionPlan { get; internal set; } = [];

    /// <summary>The targets named on the command line (or the default ones).</summary>
    public IReadOnlyCollection<ExecutableTarget> InvokedTargets { get; internal set; } = [];

    public IReadOnlyCollection<ExecutableTarget> SkippedTargets => With(ExecutionStatus.Skipped);
    public IReadOnlyCollection<ExecutableTarget> ScheduledTargets => With(ExecutionStatus.Scheduled);
    public IReadOnlyCollection<ExecutableTarget> RunningTargets => With(ExecutionStatus.Running);
    public IReadOnlyCollection<ExecutableTarget> AbortedTargets => With(ExecutionStatus.Aborted);
    public IReadOnlyCollection<ExecutableTarget> FailedTargets => With(ExecutionStatus.Failed);
    public IReadOnlyCollection<ExecutableTarget> SucceededTargets => With(ExecutionStatus.Succeeded);

    /// <summary>Targets that reached an end: succeeded, failed, skipped or collective.</summary>
    public IReadOnlyCollection<ExecutableTarget> FinishedTargets =>
        With(ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.Skipped, ExecutionStatus.Collective);

    public bool IsFailing => FailedTargets.Count > 0;
    public bool IsSuccessful => !IsFailing && ExecutionPlan.All(t => t.Status is not (ExecutionStatus.NotRun or ExecutionStatus.Aborted));

    /// <summary>The target whose actions are running now; ReportSummary writes to it.</summary>
    internal ExecutableTarget? CurrentTarget { get; set; }

    /// <summary>Adds lines to the summary row of the running target: <c>ReportSummary(_ =&gt; _.AddPair("Packages", "2"))</c>.</summary>
    public void ReportSummary(Configure<IDictionary<string, string>>? configurator = null)
    {
        if (CurrentTarget is not { } target) throw new InvalidOperationException("ReportSummary is called from a target's actions.");
        var summary = new Dictionary<string, string>(target.SummaryInformation);
        target.SummaryInformation = configurator?.Invoke(summary) is { } changed ? new Dictionary<string, string>(changed) : summary;
    }

    private List<ExecutableTarget> With(params ExecutionStatus[] statuses) => ExecutionPlan.Where(t => statuses.Contains(t.Status)).ToList();
}
