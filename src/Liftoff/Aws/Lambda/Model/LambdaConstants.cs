using Amazon.Runtime;

namespace Liftoff.Aws.Lambda.Model;

// Lambda's enumerations as the official SDK shapes them (ConstantClass: compare with ==, convert from string).

public sealed class Runtime(string value) : ConstantClass(value)
{
    public static readonly Runtime Nodejs20X = new("nodejs20.x");
    public static readonly Runtime Nodejs22X = new("nodejs22.x");
    public static readonly Runtime Python312 = new("python3.12");
    public static readonly Runtime Python313 = new("python3.13");
    public static readonly Runtime Dotnet8 = new("dotnet8");
    public static readonly Runtime ProvidedAl2023 = new("provided.al2023");
    public static Runtime FindValue(string value) => FindValue<Runtime>(value);
    public static implicit operator Runtime(string value) => FindValue(value);
}

public sealed class State(string value) : ConstantClass(value)
{
    public static readonly State Pending = new("Pending");
    public static readonly State Active = new("Active");
    public static readonly State Inactive = new("Inactive");
    public static readonly State Failed = new("Failed");
    public static State FindValue(string value) => FindValue<State>(value);
    public static implicit operator State(string value) => FindValue(value);
}

public sealed class LastUpdateStatus(string value) : ConstantClass(value)
{
    public static readonly LastUpdateStatus Successful = new("Successful");
    public static readonly LastUpdateStatus Failed = new("Failed");
    public static readonly LastUpdateStatus InProgress = new("InProgress");
    public static LastUpdateStatus FindValue(string value) => FindValue<LastUpdateStatus>(value);
    public static implicit operator LastUpdateStatus(string value) => FindValue(value);
}

public sealed class PackageType(string value) : ConstantClass(value)
{
    public static readonly PackageType Zip = new("Zip");
    public static readonly PackageType Image = new("Image");
    public static PackageType FindValue(string value) => FindValue<PackageType>(value);
    public static implicit operator PackageType(string value) => FindValue(value);
}

public sealed class InvocationType(string value) : ConstantClass(value)
{
    public static readonly InvocationType RequestResponse = new("RequestResponse");
    public static readonly InvocationType Event = new("Event");
    public static readonly InvocationType DryRun = new("DryRun");
    public static InvocationType FindValue(string value) => FindValue<InvocationType>(value);
    public static implicit operator InvocationType(string value) => FindValue(value);
}

public sealed class LogType(string value) : ConstantClass(value)
{
    public static readonly LogType None = new("None");
    public static readonly LogType Tail = new("Tail");
    public static LogType FindValue(string value) => FindValue<LogType>(value);
    public static implicit operator LogType(string value) => FindValue(value);
}

/// <summary>Why an update failed (the reasons Liftoff's messages may meet; FindValue takes any other).</summary>
public sealed class LastUpdateStatusReasonCode(string value) : ConstantClass(value)
{
    public static readonly LastUpdateStatusReasonCode EniLimitExceeded = new("EniLimitExceeded");
    public static readonly LastUpdateStatusReasonCode InsufficientRolePermissions = new("InsufficientRolePermissions");
    public static readonly LastUpdateStatusReasonCode InvalidConfiguration = new("InvalidConfiguration");
    public static readonly LastUpdateStatusReasonCode InternalError = new("InternalError");
    public static readonly LastUpdateStatusReasonCode SubnetOutOfIPAddresses = new("SubnetOutOfIPAddresses");
    public static readonly LastUpdateStatusReasonCode InvalidSubnet = new("InvalidSubnet");
    public static readonly LastUpdateStatusReasonCode InvalidSecurityGroup = new("InvalidSecurityGroup");
    public static readonly LastUpdateStatusReasonCode ImageDeleted = new("ImageDeleted");
    public static readonly LastUpdateStatusReasonCode ImageAccessDenied = new("ImageAccessDenied");
    public static readonly LastUpdateStatusReasonCode InvalidImage = new("InvalidImage");
    public static readonly LastUpdateStatusReasonCode KMSKeyAccessDenied = new("KMSKeyAccessDenied");
    public static readonly LastUpdateStatusReasonCode KMSKeyNotFound = new("KMSKeyNotFound");
    public static readonly LastUpdateStatusReasonCode InvalidStateKMSKey = new("InvalidStateKMSKey");
    public static readonly LastUpdateStatusReasonCode DisabledKMSKey = new("DisabledKMSKey");
    public static readonly LastUpdateStatusReasonCode EFSIOError = new("EFSIOError");
    public static readonly LastUpdateStatusReasonCode EFSMountConnectivityError = new("EFSMountConnectivityError");
    public static readonly LastUpdateStatusReasonCode EFSMountFailure = new("EFSMountFailure");
    public static readonly LastUpdateStatusReasonCode EFSMountTimeout = new("EFSMountTimeout");
    public static readonly LastUpdateStatusReasonCode InvalidRuntime = new("InvalidRuntime");
    public static readonly LastUpdateStatusReasonCode InvalidZipFileException = new("InvalidZipFileException");
    public static readonly LastUpdateStatusReasonCode FunctionError = new("FunctionError");
    public static LastUpdateStatusReasonCode FindValue(string value) => FindValue<LastUpdateStatusReasonCode>(value);
    public static implicit operator LastUpdateStatusReasonCode(string value) => FindValue(value);
}

/// <summary>Why a function is in its State (the reasons Liftoff's messages may meet; FindValue takes any other).</summary>
public sealed class StateReasonCode(string value) : ConstantClass(value)
{
    public static readonly StateReasonCode Idle = new("Idle");
    public static readonly StateReasonCode Creating = new("Creating");
    public static readonly StateReasonCode Restoring = new("Restoring");
    public static readonly StateReasonCode EniLimitExceeded = new("EniLimitExceeded");
    public static readonly StateReasonCode InsufficientRolePermissions = new("InsufficientRolePermissions");
    public static readonly StateReasonCode InvalidConfiguration = new("InvalidConfiguration");
    public static readonly StateReasonCode InternalError = new("InternalError");
    public static readonly StateReasonCode SubnetOutOfIPAddresses = new("SubnetOutOfIPAddresses");
    public static readonly StateReasonCode InvalidSubnet = new("InvalidSubnet");
    public static readonly StateReasonCode InvalidSecurityGroup = new("InvalidSecurityGroup");
    public static readonly StateReasonCode ImageDeleted = new("ImageDeleted");
    public static readonly StateReasonCode ImageAccessDenied = new("ImageAccessDenied");
    public static readonly StateReasonCode InvalidImage = new("InvalidImage");
    public static readonly StateReasonCode KMSKeyAccessDenied = new("KMSKeyAccessDenied");
    public static readonly StateReasonCode KMSKeyNotFound = new("KMSKeyNotFound");
    public static readonly StateReasonCode InvalidStateKMSKey = new("InvalidStateKMSKey");
    public static readonly StateReasonCode DisabledKMSKey = new("DisabledKMSKey");
    public static readonly StateReasonCode EFSIOError = new("EFSIOError");
    public static readonly StateReasonCode EFSMountConnectivityError = new("EFSMountConnectivityError");
    public static readonly StateReasonCode EFSMountFailure = new("EFSMountFailure");
    public static readonly StateReasonCode EFSMountTimeout = new("EFSMountTimeout");
    public static readonly StateReasonCode InvalidRuntime = new("InvalidRuntime");
    public static readonly StateReasonCode InvalidZipFileException = new("InvalidZipFileException");
    public static readonly StateReasonCode FunctionError = new("FunctionError");
    public static StateReasonCode FindValue(string value) => FindValue<StateReasonCode>(value);
    public static implicit operator StateReasonCode(string value) => FindValue(value);
}
