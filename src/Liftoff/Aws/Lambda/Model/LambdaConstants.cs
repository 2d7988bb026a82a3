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
