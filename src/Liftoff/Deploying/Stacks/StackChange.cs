namespace Liftoff.Deploying.Stacks;

/// <summary>One row of a change set: what CloudFormation will do to one resource.</summary>
public sealed record StackChange(string Action, string LogicalId, string ResourceType, string? Replacement)
{
    public bool IsReplacement => string.Equals(Replacement, "True", StringComparison.OrdinalIgnoreCase);
}

public enum ChangeSetKind { Create, Update }

/// <summary>
/// A change set that was created and described, waiting to be executed or discarded. A plan without
/// changes may still name a change set (AWS keeps FAILED ones), which discarding deletes.
/// </summary>
public sealed record ChangeSetPlan(
    StackDeployment Deployment,
    ChangeSetKind Kind,
    string? StackId,
    string? ChangeSetName,
    IReadOnlyList<StackChange> Changes,
    bool HasChanges,
    string? Note = null)
{
    public string StackName => Deployment.StackName;

    /// <summary>The stack did not exist before this change set: CloudFormation holds it in REVIEW_IN_PROGRESS.</summary>
    public bool CreatesStack => Kind == ChangeSetKind.Create;
}

/// <summary>NoChanges: a change set was made and found empty. Unchanged: none was made, the stack being as the live release left it.</summary>
public enum StackDeployOutcome { Created, Updated, NoChanges, DryRun, Unchanged }

/// <summary>What a stack deploy did.</summary>
public sealed record StackDeployResult(
    string StackName,
    StackDeployOutcome Outcome,
    IReadOnlyList<StackChange> Changes,
    string? ChangeSetName,
    string? FinalStatus);
