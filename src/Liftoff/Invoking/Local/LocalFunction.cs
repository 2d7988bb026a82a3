using Liftoff.Aws.Local;

namespace Liftoff.Invoking.Local;

/// <summary>A function to run on this machine: its environment (code folder, handler, variables) and its timeout.</summary>
/// <param name="InvokedArn">The ARN the caller named (with the alias), for context.invokedFunctionArn.</param>
public sealed record LocalFunction(LambdaEnvironment Environment, TimeSpan Timeout, string InvokedArn);
