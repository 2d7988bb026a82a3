namespace Liftoff.Configuration;

/// <summary>A stack output and the logical id of the resource to read when the stack has no outputs.</summary>
public sealed record StackOutputReference(string OutputName, string LogicalId);
