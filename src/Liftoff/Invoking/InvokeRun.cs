using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Invoking.Local;
using Spectre.Console;

namespace Liftoff.Invoking;

/// <summary>
/// The Invoke step: one function of one project, called with one event, its answer printed (or written as JSON).
/// A function that failed or timed out fails the step, so scripts see a non-zero exit.
/// </summary>
public sealed class InvokeRun(Func<ProjectEnvironment, AwsClients> clientsFor, LambdaRuntimeCache runtimes, IAnsiConsole console)
{
    public async Task<InvocationResult> RunAsync(
        ProjectEnvironment project, string? function, string eventJson, TextWriter? json, CancellationToken cancellationToken)
    {
        var name = function ?? (project.Functions.Count == 1
            ? project.Functions[0].Name
            : throw new InvokeException(
                $"{project.Project} has {project.Functions.Count} functions; name one with --function ({string.Join(", ", project.Functions.Select(f => f.Name))})."));
        var (invoker, live) = await FunctionInvokers.ForAsync(project, clientsFor(project), runtimes, cancellationToken);
        var described = await invoker.DescribeAsync(name, cancellationToken);
        var result = await invoker.InvokeAsync(name, eventJson, cancellationToken);

        if (json is not null) await InvocationReport.WriteJsonAsync(json, project.Project, described, live?.Id, result, cancellationToken);
        else InvocationReport.Write(console, project.Project, described, live?.Id, result);
        if (result.Failed)
            throw new InvokeException(result.TimedOut
                ? $"{project.Project}/{name} timed out."
                : $"{project.Project}/{name} failed: {result.Error?.ErrorType}: {result.Error?.ErrorMessage}");
        return result;
    }
}
