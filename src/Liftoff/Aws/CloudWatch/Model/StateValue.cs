using Amazon.Runtime;

namespace Liftoff.Aws.CloudWatch.Model;

/// <summary>An alarm's state (official SDK shape: ConstantClass).</summary>
public sealed class StateValue(string value) : ConstantClass(value)
{
    public static readonly StateValue OK = new("OK");
    public static readonly StateValue ALARM = new("ALARM");
    public static readonly StateValue INSUFFICIENT_DATA = new("INSUFFICIENT_DATA");
    public static StateValue FindValue(string value) => FindValue<StateValue>(value);
    public static implicit operator StateValue(string value) => FindValue(value);
}
