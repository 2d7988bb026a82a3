using Liftoff.Packaging;

namespace Liftoff.Invoking.Local;

/// <summary>A function to run on this machine: Lambda's environment for it, the folder of its code, and its timeout.</summary>
/// <param name="TaskRoot">The folder holding the function's extracted code (Lambda's /var/task).</param>
/// <param name="InvokedArn">The ARN the caller named (with the alias), for context.invokedFunctionArn.</param>
public sealed record LocalFunction(LambdaEnvironment Environment, string TaskRoot, TimeSpan Timeout, string InvokedArn);
