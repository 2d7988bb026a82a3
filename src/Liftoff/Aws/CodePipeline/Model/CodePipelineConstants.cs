using Amazon.Runtime;

namespace Liftoff.Aws.CodePipeline.Model;

// CodePipeline's enumerations as the official SDK shapes them (ConstantClass: compare with ==, convert from string).

public sealed class PipelineExecutionStatus(string value) : ConstantClass(value)
{
    public static readonly PipelineExecutionStatus Cancelled = new("Cancelled");
    public static readonly PipelineExecutionStatus InProgress = new("InProgress");
    public static readonly PipelineExecutionStatus Stopped = new("Stopped");
    public static readonly PipelineExecutionStatus Stopping = new("Stopping");
    public static readonly PipelineExecutionStatus Succeeded = new("Succeeded");
    public static readonly PipelineExecutionStatus Superseded = new("Superseded");
    public static readonly PipelineExecutionStatus Failed = new("Failed");
    public static PipelineExecutionStatus FindValue(string value) => FindValue<PipelineExecutionStatus>(value);
    public static implicit operator PipelineExecutionStatus(string value) => FindValue(value);
}

public sealed class StageExecutionStatus(string value) : ConstantClass(value)
{
    public static readonly StageExecutionStatus Cancelled = new("Cancelled");
    public static readonly StageExecutionStatus InProgress = new("InProgress");
    public static readonly StageExecutionStatus Failed = new("Failed");
    public static readonly StageExecutionStatus Stopped = new("Stopped");
    public static readonly StageExecutionStatus Stopping = new("Stopping");
    public static readonly StageExecutionStatus Succeeded = new("Succeeded");
    public static readonly StageExecutionStatus Skipped = new("Skipped");
    public static StageExecutionStatus FindValue(string value) => FindValue<StageExecutionStatus>(value);
    public static implicit operator StageExecutionStatus(string value) => FindValue(value);
}

public sealed class ActionExecutionStatus(string value) : ConstantClass(value)
{
    public static readonly ActionExecutionStatus InProgress = new("InProgress");
    public static readonly ActionExecutionStatus Abandoned = new("Abandoned");
    public static readonly ActionExecutionStatus Succeeded = new("Succeeded");
    public static readonly ActionExecutionStatus Failed = new("Failed");
    public static ActionExecutionStatus FindValue(string value) => FindValue<ActionExecutionStatus>(value);
    public static implicit operator ActionExecutionStatus(string value) => FindValue(value);
}

public sealed class ApprovalStatus(string value) : ConstantClass(value)
{
    public static readonly ApprovalStatus Approved = new("Approved");
    public static readonly ApprovalStatus Rejected = new("Rejected");
    public static ApprovalStatus FindValue(string value) => FindValue<ApprovalStatus>(value);
    public static implicit operator ApprovalStatus(string value) => FindValue(value);
}

public sealed class ActionCategory(string value) : ConstantClass(value)
{
    public static readonly ActionCategory Source = new("Source");
    public static readonly ActionCategory Build = new("Build");
    public static readonly ActionCategory Deploy = new("Deploy");
    public static readonly ActionCategory Test = new("Test");
    public static readonly ActionCategory Invoke = new("Invoke");
    public static readonly ActionCategory Approval = new("Approval");
    public static readonly ActionCategory Compute = new("Compute");
    public static ActionCategory FindValue(string value) => FindValue<ActionCategory>(value);
    public static implicit operator ActionCategory(string value) => FindValue(value);
}

public sealed class ActionOwner(string value) : ConstantClass(value)
{
    public static readonly ActionOwner AWS = new("AWS");
    public static readonly ActionOwner ThirdParty = new("ThirdParty");
    public static readonly ActionOwner Custom = new("Custom");
    public static ActionOwner FindValue(string value) => FindValue<ActionOwner>(value);
    public static implicit operator ActionOwner(string value) => FindValue(value);
}

public sealed class ArtifactStoreType(string value) : ConstantClass(value)
{
    public static readonly ArtifactStoreType S3 = new("S3");
    public static ArtifactStoreType FindValue(string value) => FindValue<ArtifactStoreType>(value);
    public static implicit operator ArtifactStoreType(string value) => FindValue(value);
}

public sealed class ExecutionMode(string value) : ConstantClass(value)
{
    public static readonly ExecutionMode QUEUED = new("QUEUED");
    public static readonly ExecutionMode SUPERSEDED = new("SUPERSEDED");
    public static readonly ExecutionMode PARALLEL = new("PARALLEL");
    public static ExecutionMode FindValue(string value) => FindValue<ExecutionMode>(value);
    public static implicit operator ExecutionMode(string value) => FindValue(value);
}

public sealed class PipelineType(string value) : ConstantClass(value)
{
    public static readonly PipelineType V1 = new("V1");
    public static readonly PipelineType V2 = new("V2");
    public static PipelineType FindValue(string value) => FindValue<PipelineType>(value);
    public static implicit operator PipelineType(string value) => FindValue(value);
}

public sealed class TriggerType(string value) : ConstantClass(value)
{
    public static readonly TriggerType CreatePipeline = new("CreatePipeline");
    public static readonly TriggerType StartPipelineExecution = new("StartPipelineExecution");
    public static readonly TriggerType PollForSourceChanges = new("PollForSourceChanges");
    public static readonly TriggerType Webhook = new("Webhook");
    public static readonly TriggerType CloudWatchEvent = new("CloudWatchEvent");
    public static readonly TriggerType PutActionRevision = new("PutActionRevision");
    public static readonly TriggerType WebhookV2 = new("WebhookV2");
    public static readonly TriggerType ManualRollback = new("ManualRollback");
    public static readonly TriggerType AutomatedRollback = new("AutomatedRollback");
    public static TriggerType FindValue(string value) => FindValue<TriggerType>(value);
    public static implicit operator TriggerType(string value) => FindValue(value);
}

public sealed class ExecutionType(string value) : ConstantClass(value)
{
    public static readonly ExecutionType STANDARD = new("STANDARD");
    public static readonly ExecutionType ROLLBACK = new("ROLLBACK");
    public static ExecutionType FindValue(string value) => FindValue<ExecutionType>(value);
    public static implicit operator ExecutionType(string value) => FindValue(value);
}
