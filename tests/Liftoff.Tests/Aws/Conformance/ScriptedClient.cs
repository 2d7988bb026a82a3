using System.Reflection;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// A client interface (IAmazonLambda, …) answered in process by a script, to run paginators and waiters
/// without a network: every call is recorded with its request; the script returns the response (or throws).
/// </summary>
public class ScriptedClient : DispatchProxy
{
    private Func<string, AmazonWebServiceRequest, int, object>? _script;

    /// <summary>The operations called (method name without Async) with their requests, in order.</summary>
    public List<(string Operation, AmazonWebServiceRequest Request)> Calls { get; } = [];

    public static (object Client, ScriptedClient Script) Create(Type clientInterface, Func<string, AmazonWebServiceRequest, int, object> script)
    {
        var client = Create(clientInterface, typeof(ScriptedClient));
        var scripted = (ScriptedClient)client;
        scripted._script = script;
        return (client, scripted);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        if (args is not [AmazonWebServiceRequest request, ..] || !method.ReturnType.IsGenericType)
            return null;
        var operation = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name;
        Calls.Add((operation, request));
        var responseType = method.ReturnType.GetGenericArguments()[0];
        try
        {
            var response = _script!(operation, request, Calls.Count);
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(responseType).Invoke(null, [response]);
        }
        catch (Exception e)
        {
            return typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!.MakeGenericMethod(responseType).Invoke(null, [e]);
        }
    }

    /// <summary>Sets a dotted path of model member names ("Configuration.LastUpdateStatus"), creating objects on the way.</summary>
    public static void SetPath(object target, string path, object? value)
    {
        var (owner, property) = Reach(target, path);
        property.SetValue(owner, Converted(value, property.PropertyType));
    }

    /// <summary>The object holding the last member of <paramref name="path"/> (created on the way as needed), and its property.</summary>
    public static (object Owner, PropertyInfo Property) Reach(object target, string path)
    {
        var names = path.Split('.');
        foreach (var name in names[..^1])
        {
            var property = Property(target, name);
            target = property.GetValue(target) ?? Created(property, target);
        }
        return (target, Property(target, names[^1]));
    }

    public static object? GetPath(object? target, string path)
    {
        foreach (var name in path.Split('.'))
            target = target is null ? null : Property(target, name).GetValue(target);
        return target;
    }

    public static PropertyInfo Property(object target, string modelName) =>
        target.GetType().GetProperty(char.ToUpperInvariant(modelName[0]) + modelName[1..], BindingFlags.Public | BindingFlags.Instance)
        ?? throw new MissingMemberException($"{target.GetType().Name} has no property for {modelName}.");

    private static object Created(PropertyInfo property, object owner)
    {
        var value = Activator.CreateInstance(property.PropertyType)!;
        property.SetValue(owner, value);
        return value;
    }

    private static object? Converted(object? value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            string s when type.IsSubclassOf(typeof(ConstantClass)) => type.GetMethod("FindValue", [typeof(string)])!.Invoke(null, [s]),
            null => null,
            _ when type.IsInstanceOfType(value) => value,
            _ => Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
