namespace Liftoff.Invoking;

/// <summary>
/// Calls one project's functions by their project.yaml names: on this machine (<see cref="Local.LocalInvoker"/>)
/// for the local AWS, which stores functions but cannot run them, or in Lambda through the alias
/// <c>live</c> (<see cref="Remote.LambdaInvoker"/>). Invoke and SmokeTest use either alike.
/// </summary>
public interface IFunctionInvoker
{
    /// <summary>Where the function runs and what it runs, for the output ("local node 20.20.2, version 3").</summary>
    Task<InvokedFunction> DescribeAsync(string function, CancellationToken cancellationToken);

    Task<InvocationResult> InvokeAsync(string function, string eventJson, CancellationToken cancellationToken);
}

/// <summary>The function an invocation reaches: its Lambda name, the version behind <c>live</c>, and where its code runs.</summary>
public sealed record InvokedFunction(string Function, string FunctionName, string? Version, string Where, string? Note = null);
