using System.Reflection;
using System.Text.Json;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Runs each paginator of a client (its <c>Paginators</c> factory) over two scripted pages and checks it
/// against the model's paginators-1.json: the first response's output_token goes back as the second
/// request's input_token, and each result_key is a property that yields the items of both pages.
/// </summary>
public static class PaginatorConformance
{
    private const string NextToken = "conformance-page-2";

    /// <param name="createFactory">Makes the paginator factory over a client; Liftoff's own implementation when null.</param>
    public static async Task<IReadOnlyList<string>> CheckAsync(CatalogedService service, ServiceModel model, Func<object, object>? createFactory = null)
    {
        var findings = new List<string>();
        var factoryProperty = service.ClientInterface?.GetProperty("Paginators");
        if (factoryProperty is null)
            return findings;
        foreach (var method in factoryProperty.PropertyType.GetMethods())
        {
            void Report(string finding) => findings.Add($"{service.Definition.ServiceId} {method.Name} paginator: {finding}");
            if (model.Paginator(method.Name) is not { } paginator)
            {
                Report("the model has no paginator for this operation.");
                continue;
            }
            await CheckOneAsync(service, createFactory ?? (client => CreateFactory(factoryProperty.PropertyType, service.ClientInterface!, client)),
                method, paginator, Report);
        }
        return findings;
    }

    private static async Task CheckOneAsync(CatalogedService service, Func<object, object> createFactory, MethodInfo method, JsonElement paginator, Action<string> report)
    {
        var inputToken = Single(paginator, "input_token", report);
        var outputToken = Single(paginator, "output_token", report);
        var moreResults = paginator.TryGetProperty("more_results", out var more) ? more.GetString() : null;
        var resultKeys = Strings(paginator, "result_key");
        if (inputToken is null || outputToken is null)
            return;

        var responseType = service.ClientInterface!.GetMethod(method.Name + "Async")!.ReturnType.GetGenericArguments()[0];
        var (client, script) = ScriptedClient.Create(service.ClientInterface, (_, _, call) =>
        {
            var response = Activator.CreateInstance(responseType)!;
            if (call == 1) ScriptedClient.SetPath(response, outputToken, NextToken);
            if (moreResults is not null) ScriptedClient.SetPath(response, moreResults, call == 1);
            foreach (var key in resultKeys)
                AddItem(response, key, call);
            return response;
        });
        var factory = createFactory(client);
        var request = Activator.CreateInstance(method.GetParameters()[0].ParameterType)!;
        var pages = method.Invoke(factory, [request])!;

        var properties = pages.GetType().GetInterfaces().SelectMany(i => i.GetProperties()).Select(p => p.Name).ToHashSet();
        foreach (var key in resultKeys.Select(LastSegment).Where(k => !properties.Contains(k)))
            report($"the model's result_key {key} has no property of that name.");
        foreach (var extra in properties.Where(p => p != "Responses" && !resultKeys.Select(LastSegment).Contains(p)))
            report($"{extra} is no result_key of the model's paginator ({string.Join(", ", resultKeys)}).");

        var responses = await CountAsync(pages, "Responses");
        if (responses != 2)
            report($"walked {responses} page(s) where two were scripted (the first with {outputToken} set).");
        else if (ScriptedClient.GetPath(script.Calls[1].Request, inputToken) is var sent && !Equals(sent, NextToken))
            report($"the second request's {inputToken} was '{sent}'; the model says the first response's {outputToken} ('{NextToken}') goes there.");
        foreach (var key in resultKeys.Select(LastSegment).Where(properties.Contains))
        {
            script.Calls.Clear();
            if (await CountAsync(pages, key) is var items and not 2)
                report($"{key} yielded {items} item(s) over two pages of one item each.");
        }
    }

    private static object CreateFactory(Type factoryType, Type clientInterface, object client)
    {
        var implementation = ClientCatalog.Liftoff.GetTypes()
            .Single(t => !t.IsAbstract && factoryType.IsAssignableFrom(t) && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [clientInterface]) is not null);
        return Activator.CreateInstance(implementation, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, [client], null)!;
    }

    private static void AddItem(object response, string path, int call)
    {
        var (owner, property) = ScriptedClient.Reach(response, path);
        var list = (System.Collections.IList)(property.GetValue(owner) ?? Activator.CreateInstance(property.PropertyType)!);
        property.SetValue(owner, list);
        var itemType = property.PropertyType.GetGenericArguments()[0];
        list.Add(itemType == typeof(string) ? $"item-{call}" : Activator.CreateInstance(itemType));
    }

    private static async Task<int> CountAsync(object pages, string property)
    {
        var enumerable = (IAsyncEnumerable<object>)pages.GetType().GetInterfaces().SelectMany(i => i.GetProperties())
            .First(p => p.Name == property).GetValue(pages)!;
        var count = 0;
        await foreach (var _ in enumerable) count++;
        return count;
    }

    private static string? Single(JsonElement paginator, string name, Action<string> report)
    {
        var values = Strings(paginator, name);
        if (values.Count == 1) return values[0];
        report($"the model's {name} is [{string.Join(", ", values)}]; this check handles one token.");
        return null;
    }

    private static List<string> Strings(JsonElement paginator, string name) =>
        !paginator.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
        : [value.GetString()!];

    private static string LastSegment(string path) => path.Split('.')[^1];
}
