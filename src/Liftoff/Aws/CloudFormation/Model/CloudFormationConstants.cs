using Amazon.Runtime;

namespace Liftoff.Aws.CloudFormation.Model;

// CloudFormation's enumerations as the official SDK shapes them (ConstantClass: compare with ==, convert from string).

public sealed class StackStatus(string value) : ConstantClass(value)
{
    public static readonly StackStatus CREATE_IN_PROGRESS = new("CREATE_IN_PROGRESS");
    public static readonly StackStatus CREATE_FAILED = new("CREATE_FAILED");
    public static readonly StackStatus CREATE_COMPLETE = new("CREATE_COMPLETE");
    public static readonly StackStatus ROLLBACK_IN_PROGRESS = new("ROLLBACK_IN_PROGRESS");
    public static readonly StackStatus ROLLBACK_FAILED = new("ROLLBACK_FAILED");
    public static readonly StackStatus ROLLBACK_COMPLETE = new("ROLLBACK_COMPLETE");
    public static readonly StackStatus DELETE_IN_PROGRESS = new("DELETE_IN_PROGRESS");
    public static readonly StackStatus DELETE_FAILED = new("DELETE_FAILED");
    public static readonly StackStatus DELETE_COMPLETE = new("DELETE_COMPLETE");
    public static readonly StackStatus UPDATE_IN_PROGRESS = new("UPDATE_IN_PROGRESS");
    public static readonly StackStatus UPDATE_COMPLETE_CLEANUP_IN_PROGRESS = new("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
    public static readonly StackStatus UPDATE_COMPLETE = new("UPDATE_COMPLETE");
    public static readonly StackStatus UPDATE_FAILED = new("UPDATE_FAILED");
    public static readonly StackStatus UPDATE_ROLLBACK_IN_PROGRESS = new("UPDATE_ROLLBACK_IN_PROGRESS");
    public static readonly StackStatus UPDATE_ROLLBACK_FAILED = new("UPDATE_ROLLBACK_FAILED");
    public static readonly StackStatus UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS = new("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS");
    public static readonly StackStatus UPDATE_ROLLBACK_COMPLETE = new("UPDATE_ROLLBACK_COMPLETE");
    public static readonly StackStatus REVIEW_IN_PROGRESS = new("REVIEW_IN_PROGRESS");
    public static readonly StackStatus IMPORT_IN_PROGRESS = new("IMPORT_IN_PROGRESS");
    public static readonly StackStatus IMPORT_COMPLETE = new("IMPORT_COMPLETE");
    public static readonly StackStatus IMPORT_ROLLBACK_IN_PROGRESS = new("IMPORT_ROLLBACK_IN_PROGRESS");
    public static readonly StackStatus IMPORT_ROLLBACK_FAILED = new("IMPORT_ROLLBACK_FAILED");
    public static readonly StackStatus IMPORT_ROLLBACK_COMPLETE = new("IMPORT_ROLLBACK_COMPLETE");
    public static StackStatus FindValue(string value) => FindValue<StackStatus>(value);
    public static implicit operator StackStatus(string value) => FindValue(value);
}

public sealed class ResourceStatus(string value) : ConstantClass(value)
{
    public static readonly ResourceStatus CREATE_IN_PROGRESS = new("CREATE_IN_PROGRESS");
    public static readonly ResourceStatus CREATE_FAILED = new("CREATE_FAILED");
    public static readonly ResourceStatus CREATE_COMPLETE = new("CREATE_COMPLETE");
    public static readonly ResourceStatus DELETE_IN_PROGRESS = new("DELETE_IN_PROGRESS");
    public static readonly ResourceStatus DELETE_FAILED = new("DELETE_FAILED");
    public static readonly ResourceStatus DELETE_COMPLETE = new("DELETE_COMPLETE");
    public static readonly ResourceStatus DELETE_SKIPPED = new("DELETE_SKIPPED");
    public static readonly ResourceStatus UPDATE_IN_PROGRESS = new("UPDATE_IN_PROGRESS");
    public static readonly ResourceStatus UPDATE_FAILED = new("UPDATE_FAILED");
    public static readonly ResourceStatus UPDATE_COMPLETE = new("UPDATE_COMPLETE");
    public static readonly ResourceStatus ROLLBACK_IN_PROGRESS = new("ROLLBACK_IN_PROGRESS");
    public static readonly ResourceStatus ROLLBACK_COMPLETE = new("ROLLBACK_COMPLETE");
    public static readonly ResourceStatus ROLLBACK_FAILED = new("ROLLBACK_FAILED");
    public static ResourceStatus FindValue(string value) => FindValue<ResourceStatus>(value);
    public static implicit operator ResourceStatus(string value) => FindValue(value);
}

public sealed class ChangeSetStatus(string value) : ConstantClass(value)
{
    public static readonly ChangeSetStatus CREATE_PENDING = new("CREATE_PENDING");
    public static readonly ChangeSetStatus CREATE_IN_PROGRESS = new("CREATE_IN_PROGRESS");
    public static readonly ChangeSetStatus CREATE_COMPLETE = new("CREATE_COMPLETE");
    public static readonly ChangeSetStatus DELETE_PENDING = new("DELETE_PENDING");
    public static readonly ChangeSetStatus DELETE_IN_PROGRESS = new("DELETE_IN_PROGRESS");
    public static readonly ChangeSetStatus DELETE_COMPLETE = new("DELETE_COMPLETE");
    public static readonly ChangeSetStatus DELETE_FAILED = new("DELETE_FAILED");
    public static readonly ChangeSetStatus FAILED = new("FAILED");
    public static ChangeSetStatus FindValue(string value) => FindValue<ChangeSetStatus>(value);
    public static implicit operator ChangeSetStatus(string value) => FindValue(value);
}

public sealed class ExecutionStatus(string value) : ConstantClass(value)
{
    public static readonly ExecutionStatus UNAVAILABLE = new("UNAVAILABLE");
    public static readonly ExecutionStatus AVAILABLE = new("AVAILABLE");
    public static readonly ExecutionStatus EXECUTE_IN_PROGRESS = new("EXECUTE_IN_PROGRESS");
    public static readonly ExecutionStatus EXECUTE_COMPLETE = new("EXECUTE_COMPLETE");
    public static readonly ExecutionStatus EXECUTE_FAILED = new("EXECUTE_FAILED");
    public static readonly ExecutionStatus OBSOLETE = new("OBSOLETE");
    public static ExecutionStatus FindValue(string value) => FindValue<ExecutionStatus>(value);
    public static implicit operator ExecutionStatus(string value) => FindValue(value);
}

public sealed class ChangeSetType(string value) : ConstantClass(value)
{
    public static readonly ChangeSetType CREATE = new("CREATE");
    public static readonly ChangeSetType UPDATE = new("UPDATE");
    public static readonly ChangeSetType IMPORT = new("IMPORT");
    public static ChangeSetType FindValue(string value) => FindValue<ChangeSetType>(value);
    public static implicit operator ChangeSetType(string value) => FindValue(value);
}

public sealed class ChangeAction(string value) : ConstantClass(value)
{
    public static readonly ChangeAction Add = new("Add");
    public static readonly ChangeAction Modify = new("Modify");
    public static readonly ChangeAction Remove = new("Remove");
    public static readonly ChangeAction Import = new("Import");
    public static readonly ChangeAction Dynamic = new("Dynamic");
    public static ChangeAction FindValue(string value) => FindValue<ChangeAction>(value);
    public static implicit operator ChangeAction(string value) => FindValue(value);
}

public sealed class Replacement(string value) : ConstantClass(value)
{
    public static readonly Replacement True = new("True");
    public static readonly Replacement False = new("False");
    public static readonly Replacement Conditional = new("Conditional");
    public static Replacement FindValue(string value) => FindValue<Replacement>(value);
    public static implicit operator Replacement(string value) => FindValue(value);
}

public sealed class TemplateStage(string value) : ConstantClass(value)
{
    public static readonly TemplateStage Original = new("Original");
    public static readonly TemplateStage Processed = new("Processed");
    public static TemplateStage FindValue(string value) => FindValue<TemplateStage>(value);
    public static implicit operator TemplateStage(string value) => FindValue(value);
}

public sealed class OnStackFailure(string value) : ConstantClass(value)
{
    public static readonly OnStackFailure DO_NOTHING = new("DO_NOTHING");
    public static readonly OnStackFailure ROLLBACK = new("ROLLBACK");
    public static readonly OnStackFailure DELETE = new("DELETE");
    public static OnStackFailure FindValue(string value) => FindValue<OnStackFailure>(value);
    public static implicit operator OnStackFailure(string value) => FindValue(value);
}

public sealed class ChangeType(string value) : ConstantClass(value)
{
    public static readonly ChangeType Resource = new("Resource");
    public static ChangeType FindValue(string value) => FindValue<ChangeType>(value);
    public static implicit operator ChangeType(string value) => FindValue(value);
}
