using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Runs each waiter of a client (a public static <c>WaitUntil&lt;Name&gt;Async(client, …)</c>, named after
/// the model's waiter) once per acceptor of the model's waiters-2.json, against a scripted client whose
/// answer matches that acceptor, and checks the waiter calls the model's operation and ends as the acceptor
/// says: success returns, failure throws, retry waits again (seen as cancellation of its wait).
/// </summary>
public static partial class WaiterConformance
{
    public static IEnumerable<MethodInfo> WaitersOf(CatalogedService service) =>
        service.ClientInterface is null ? [] : ClientCatalog.Liftoff.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => WaiterName().IsMatch(m.Name) && m.GetParameters() is [var first, ..] && first.ParameterType == service.ClientInterface);

    /// <param name="waiters">The waiter methods to run; Liftoff's own for the client when null.</param>
    public static async Task<IReadOnlyList<string>> CheckAsync(CatalogedService service, ServiceModel model, IEnumerable<MethodInfo>? waiters = null)
    {
        var findings = new List<string>();
        foreach (var method in waiters ?? WaitersOf(service))
        {
            var name = WaiterName().Match(method.Name).Groups["name"].Value;
            void Report(string finding) => findings.Add($"{service.Definition.ServiceId} {method.Name}: {finding}");
            if (model.Waiter(name) is not { } waiter)
            {
                Report($"the model has no waiter named {name}.");
                continue;
            }
            var operation = waiter.GetProperty("operation").GetString()!;
            foreach (var acceptor in waiter.GetProperty("acceptors").EnumerateArray())
                await CheckAcceptorAsync(service, method, operation, acceptor, Report);
        }
        return findings;
    }

    private static async Task CheckAcceptorAsync(CatalogedService service, MethodInfo method, string operation, JsonElement acceptor, Action<string> report)
    {
        var matcher = acceptor.GetProperty("matcher").GetString();
        var expected = acceptor.GetProperty("expected");
        var state = acceptor.GetProperty("state").GetString();
        var described = $"acceptor {matcher} {(acceptor.TryGetProperty("argument", out var a) ? a.GetString() + " " : "")}== {expected} → {state}";
        if (matcher is not ("path" or "pathAll" or "pathAny" or "error"))
        {
            report($"{described}: this check cannot script the {matcher} matcher yet; extend WaiterConformance.");
            return;
        }
        using var waiting = new CancellationTokenSource();
        var responseType = service.ClientInterface!.GetMethod(operation + "Async")?.ReturnType.GetGenericArguments()[0];
        if (responseType is null)
        {
            report($"the model's waiter polls {operation}, which {service.ClientInterface.Name} does not have.");
            return;
        }
        var (client, script) = ScriptedClient.Create(service.ClientInterface, (_, _, call) =>
        {
            // One answer only: after it the wait is cancelled, so a waiter that decides to retry stops in its delay.
            waiting.Cancel();
            if (call > 1) throw new OperationCanceledException(waiting.Token);
            if (matcher == "error")
                throw service.Errors.First().Create("scripted", null, ErrorType.Sender, expected.GetString(), "conformance-request", HttpStatusCode.BadRequest);
            var response = Activator.CreateInstance(responseType)!;
            SetArgument(response, acceptor.GetProperty("argument").GetString()!, Scalar(expected));
            return response;
        });
        var outcome = await OutcomeAsync(method, client, waiting.Token);
        if (script.Calls.FirstOrDefault().Operation is { } called && called != operation)
            report($"{described}: the waiter polls {called}; the model's waiter polls {operation}.");
        if (outcome != state)
            report($"{described}: the waiter's outcome was {outcome}.");
    }

    /// <summary>
    /// Makes the JMESPath argument of a path matcher evaluate to <paramref name="value"/>: a dotted path is
    /// set; "List[].Field" (pathAll, pathAny) gets a list of one item with that field set.
    /// </summary>
    private static void SetArgument(object response, string argument, object? value)
    {
        if (argument.Split("[].", 2) is not [var listPath, var itemPath])
        {
            ScriptedClient.SetPath(response, argument, value);
            return;
        }
        var (owner, property) = ScriptedClient.Reach(response, listPath);
        var item = Activator.CreateInstance(property.PropertyType.GetGenericArguments()[0])!;
        ScriptedClient.SetPath(item, itemPath, value);
        var list = (System.Collections.IList)Activator.CreateInstance(property.PropertyType)!;
        list.Add(item);
        property.SetValue(owner, list);
    }

    private static async Task<string> OutcomeAsync(MethodInfo method, object client, CancellationToken cancellationToken)
    {
        var arguments = method.GetParameters().Select(p =>
            p.Position == 0 ? client
            : p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : p.ParameterType == typeof(string) && !p.HasDefaultValue ? "conformance-waiter"
            : p.HasDefaultValue ? p.DefaultValue
            : null).ToArray();
        try
        {
            await (Task)method.Invoke(null, arguments)!;
            return "success";
        }
        catch (OperationCanceledException)
        {
            return "retry";
        }
        catch (Exception)
        {
            return "failure";
        }
    }

    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetDouble(),
        _ => null,
    };

    [GeneratedRegex("^WaitUntil(?<name>[A-Z][A-Za-z0-9]*)Async$")]
    private static partial Regex WaiterName();
}
