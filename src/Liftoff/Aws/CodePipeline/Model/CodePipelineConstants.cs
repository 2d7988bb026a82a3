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
