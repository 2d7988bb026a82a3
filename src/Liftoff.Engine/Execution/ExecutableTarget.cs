namespace Liftoff.Engine.Execution;

/// <summary>Where a target stands in a run, as NUKE's ExecutionStatus.</summary>
public enum ExecutionStatus
{
    Scheduled,
    NotRun,
    Skipped,
    Running,
    Succeeded,
    Failed,
    Aborted,
    Collective,
}

/// <summary>
/// A target of the running build, as NUKE's: its name and description, its status as the run goes, how long it
/// took, and what it reported with <see cref="ILiftoffBuild.ReportSummary"/>.
/// </summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }
    public string? Description { get; }
    public ExecutionStatus Status { get; internal set; } = ExecutionStatus.Scheduled;
    public TimeSpan Duration { get; internal set; }
    public IReadOnlyDictionary<string, string> SummaryInformation { get; internal set; } = new Dictionary<string, string>();

    public override string ToString() => Name;
}
