namespace Liftoff.Engine.Internal.Execution;

internal enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,

    /// <summary>A target with nothing of its own to execute: it only gathers others.</summary>
    Collective,
}

internal sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Reason = null)
{
    public const string Cancelled = "cancelled";
    public const string SucceededBefore = "succeeded in the last attempt";

    /// <summary>The reason the summary shows: a failure's message is printed where it happened, cancellation is not.</summary>
    public string? ShownReason => Status == TargetStatus.Failed && Reason != Cancelled ? null : Reason;
}
