using Liftoff.Engine;
using Liftoff.Invoking;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh Invoke --env X --project P [--function F] [--event e.json | --event-json '{…}'] [--json]</c>: calls one
/// function with one event and prints its result, logs and duration. For a local AWS it runs the code the live
/// release recorded (the zip in the artifact bucket, not the working tree) in a local node or python3 process with
/// Lambda's environment; elsewhere it calls the function in Lambda through the alias <c>live</c>.
/// </summary>
public interface IInvoke : IHazAws, ILocalAws, IHazLambdaRuntimes, IHazJson
{
    [Parameter("Invoke: the function to call, by its name in project.yaml (default: the project's only function)")]
    string? Function => TryGetValue(() => Function);

    [Parameter("Invoke: a file holding the event (JSON)")]
    string? Event => TryGetValue(() => Event);

    [Parameter("Invoke: the event as JSON text")]
    string? EventJson => TryGetValue(() => EventJson);

    Target Invoke => _ => _
        .Description("Calls a function with an event: locally for --env local (the released code), else in Lambda (alias live)")
        .DependsOn<ILocalAws>(x => x.LocalAws)
        .Requires(() => Env)
        .Requires(() => Project)
        .Executes(async ct =>
        {
            var projects = ProjectEnvironments;
            if (projects.Count != 1)
                throw new InvokeException($"Invoke calls one project's function; --project names {projects.Count}: {string.Join(", ", projects.Select(p => p.Project))}.");
            var eventJson = await InvokeEvent.ReadAsync(Event, EventJson, Directory.GetCurrentDirectory(), ct);
            await new InvokeRun(AwsClientsFor, LambdaRuntimes, Console)
                .RunAsync(projects[0], Function, eventJson, Json ? StandardOutput : null, ct);
        });
}
