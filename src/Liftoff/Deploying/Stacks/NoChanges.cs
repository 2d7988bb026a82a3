namespace Liftoff.Deploying.Stacks;

/// <summary>Recognises CloudFormation's ways of saying a change set would change nothing.</summary>
internal static class NoChanges
{
    // AWS: a FAILED change set whose StatusReason says "The submitted information didn't contain changes..."
    // (or, for some parameter-only cases, "No updates are to be performed."). moto refuses CreateChangeSet
    // itself with ValidationError "No updates are to be performed.".
    public static bool IsNoChangesReason(string? reason) =>
        reason is not null
        && (reason.Contains("didn't contain changes", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("did not contain changes", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("No updates are to be performed", StringComparison.OrdinalIgnoreCase));
}
