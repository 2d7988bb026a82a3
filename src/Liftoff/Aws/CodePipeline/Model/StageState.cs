namespace Liftoff.Aws.CodePipeline.Model;

/// <summary>Where a stage stands in the latest execution(s); approval tokens live in its ActionStates.</summary>
public class StageState
{
    public string? StageName { get; set; }
    public StageExecution? InboundExecution { get; set; }
    public TransitionState? InboundTransitionState { get; set; }
    public List<ActionState> ActionStates { get; set; } = [];
    public StageExecution? LatestExecution { get; set; }
}

public class StageExecution
{
    public string? PipelineExecutionId { get; set; }
    public StageExecutionStatus? Status { get; set; }
    public ExecutionType? Type { get; set; }
}

public class TransitionState
{
    public bool? Enabled { get; set; }
    public string? LastChangedBy { get; set; }
    public DateTime? LastChangedAt { get; set; }
    public string? DisabledReason { get; set; }
}

public class ActionState
{
    public string? ActionName { get; set; }
    public ActionRevision? CurrentRevision { get; set; }
    public ActionExecution? LatestExecution { get; set; }
    public string? EntityUrl { get; set; }
    public string? RevisionUrl { get; set; }
}

public class ActionRevision
{
    public string? RevisionId { get; set; }
    public string? RevisionChangeId { get; set; }
    public DateTime? Created { get; set; }
}

public class ActionExecution
{
    public string? ActionExecutionId { get; set; }
    public ActionExecutionStatus? Status { get; set; }
    public string? Summary { get; set; }
    public DateTime? LastStatusChange { get; set; }
    /// <summary>For a manual approval in progress: the token PutApprovalResult needs.</summary>
    public string? Token { get; set; }
    public string? LastUpdatedBy { get; set; }
    public string? ExternalExecutionId { get; set; }
    public string? ExternalExecutionUrl { get; set; }
    public int? PercentComplete { get; set; }
    public ErrorDetails? ErrorDetails { get; set; }
}

public class ErrorDetails
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
