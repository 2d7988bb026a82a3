namespace Liftoff.Aws.Lambda;

/// <summary>Lambda reported that a function update (or creation) failed; Reason says why, as Lambda put it.</summary>
public sealed class FunctionUpdateFailedException(string functionName, string? reason, string? reasonCode)
    : Exception($"Lambda could not apply the update to {functionName}: {reason ?? "no reason given"}" +
                (reasonCode is null ? "" : $" ({reasonCode})") +
                ". Fix the cause (role, subnets, image, code size) and deploy again.")
{
    public string FunctionName { get; } = functionName;
    public string? Reason { get; } = reason;
    public string? ReasonCode { get; } = reasonCode;
}
