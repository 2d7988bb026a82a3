namespace Liftoff.Deploying.Stacks;

/// <summary>What CloudFormation's stack and resource statuses mean for a deploy.</summary>
public static class StackStatuses
{
    public const string ReviewInProgress = "REVIEW_IN_PROGRESS";
    public const string RollbackComplete = "ROLLBACK_COMPLETE";
    public const string UpdateRollbackFailed = "UPDATE_ROLLBACK_FAILED";

    /// <summary>Still moving (including the cleanup phases that follow a successful update).</summary>
    public static bool IsInProgress(string status) => status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal);

    /// <summary>The states a create, update or import ends in when it worked.</summary>
    public static bool IsSuccess(string status) => status is "CREATE_COMPLETE" or "UPDATE_COMPLETE" or "IMPORT_COMPLETE";

    public static bool IsFailedResourceStatus(string status) => status.EndsWith("_FAILED", StringComparison.Ordinal);

    /// <summary>
    /// "Resource creation cancelled" and the like are consequences of another resource's failure;
    /// the first failure worth showing is the one that is not.
    /// </summary>
    public static bool IsConsequentialFailure(string? reason) =>
        reason is not null && reason.Contains("cancelled", StringComparison.OrdinalIgnoreCase);

    public static string ContinueUpdateRollbackAdvice(string stackName) =>
        $"Stack {stackName} is {UpdateRollbackFailed}: CloudFormation could not roll the last update back. " +
        "Fix what blocked the rollback (see the failed resources above or in the stack's events), then run " +
        $"`aws cloudformation continue-update-rollback --stack-name {stackName}` (ContinueUpdateRollback; " +
        "add --resources-to-skip for resources that cannot be restored) and deploy again.";
}

/// <summary>One stack event, as printed and as kept for the failure report.</summary>
public sealed record StackEventRecord(
    string EventId,
    DateTime? Timestamp,
    string LogicalId,
    string ResourceType,
    string Status,
    string? Reason);
