namespace Liftoff.Aws.CodePipeline.Model;

public class PipelineExecution
{
    public string? PipelineName { get; set; }
    public int? PipelineVersion { get; set; }
    public string? PipelineExecutionId { get; set; }
    public PipelineExecutionStatus? Status { get; set; }
    public string? StatusSummary { get; set; }
    public List<ArtifactRevision> ArtifactRevisions { get; set; } = [];
    public List<ResolvedPipelineVariable> Variables { get; set; } = [];
    public ExecutionTrigger? Trigger { get; set; }
    public ExecutionMode? ExecutionMode { get; set; }
    public ExecutionType? ExecutionType { get; set; }
}

public class ArtifactRevision
{
    public string? Name { get; set; }
    public string? RevisionId { get; set; }
    public string? RevisionChangeIdentifier { get; set; }
    public string? RevisionSummary { get; set; }
    public DateTime? Created { get; set; }
    public string? RevisionUrl { get; set; }
}

public class ResolvedPipelineVariable
{
    public string? Name { get; set; }
    public string? ResolvedValue { get; set; }
}

public class ExecutionTrigger
{
    public TriggerType? TriggerType { get; set; }
    public string? TriggerDetail { get; set; }
}

public class PipelineVariable
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}
