using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Liftoff.Aws;
using Liftoff.Aws.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>
/// Every thin client in Liftoff, found by reflection so that operations added later are checked without
/// being listed anywhere: each <see cref="LiftoffClientConfig"/> names a service; every static
/// <see cref="AwsOperation{TRequest,TResponse}"/> and <see cref="ServiceErrors"/> in its namespace (or below,
/// as in &lt;Service&gt;/Internal/*Operations.cs) belongs to it, as does the client interface there.
/// </summary>
public static class ClientCatalog
{
    public static Assembly Liftoff { get; } = typeof(AwsClients).Assembly;

    public static IReadOnlyList<CatalogedService> Services { get; } = Discover();

    public static IEnumerable<CatalogedOperation> Operations => Services.SelectMany(s => s.Operations);

    public static CatalogedService Service(string serviceId) => Services.Single(s => s.Definition.ServiceId == serviceId);

    public static CatalogedOperation Operation(string service, string name) =>
        Operations.Single(o => o.Service.ServiceId == service && o.Name == name);

    private static List<CatalogedService> Discover()
    {
        var types = Liftoff.GetTypes();
        var services = types
            .Where(t => t.IsSubclassOf(typeof(LiftoffClientConfig)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Namespace: t.Namespace!, ((LiftoffClientConfig)Activator.CreateInstance(t)!).Service))
            .ToList();
        // Only members typed as operations or error tables are read, so no other static state is touched.
        var statics = types.Where(t => !t.ContainsGenericParameters).SelectMany(t =>
                t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Where(f => IsCatalogued(f.FieldType)).Select(f => (Owner: t, Value: f.GetValue(null)))
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Where(p => IsCatalogued(p.PropertyType)).Select(p => (Owner: t, Value: p.GetValue(null)))))
            .Where(x => x.Value is not null)
            .DistinctBy(x => x.Value)
            .ToList();

        var orphans = statics.Where(x => OwningService(services, x.Owner.Namespace) is null).Select(x => x.Owner.FullName).Distinct().ToList();
        if (orphans.Count > 0)
            throw new InvalidOperationException(
                $"{string.Join(", ", orphans)} hold AWS operations outside the namespace of any LiftoffClientConfig: " +
                "the conformance check cannot tell which service model they belong to. Put them under the client's namespace.");

        return services.Select(s =>
        {
            var mine = statics.Where(x => OwningService(services, x.Owner.Namespace) == s.Namespace).ToList();
            return new CatalogedService(
                s.Service,
                mine.Where(x => x.Value is not ServiceErrors).Select(x => CatalogedOperation.Of(s.Service, x.Value!, x.Owner)).ToList(),
                mine.Select(x => x.Value).OfType<ServiceErrors>().Distinct().ToList(),
                types.Where(t => t.IsInterface && t.Namespace == s.Namespace && t.Name == $"IAmazon{s.Namespace.Split('.')[^1]}").SingleOrDefault());
        }).ToList();
    }

    private static bool IsCatalogued(Type type) =>
        type == typeof(ServiceErrors) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AwsOperation<,>));

    private static string? OwningService(List<(string Namespace, AwsServiceDefinition Service)> services, string? ns) =>
        services.Select(s => s.Namespace).Where(n => ns == n || ns?.StartsWith(n + ".", StringComparison.Ordinal) == true)
            .OrderByDescending(n => n.Length).FirstOrDefault();
}

public sealed record CatalogedService(
    AwsServiceDefinition Definition,
    IReadOnlyList<CatalogedOperation> Operations,
    IReadOnlyList<ServiceErrors> Errors,
    Type? ClientInterface);

/// <summary>One operation as the client runs it: its model name, its types, its marshaller and unmarshaller.</summary>
public sealed record CatalogedOperation(
    AwsServiceDefinition Service,
    string Name,
    Type Request,
    Type Response,
    IMarshaller<IRequest, AmazonWebServiceRequest> Marshaller,
    ResponseUnmarshaller Unmarshaller,
    string DefinedIn)
{
    public string Title => $"{Service.ServiceId} {Name}";

    /// <summary>Wraps any <see cref="AwsOperation{TRequest,TResponse}"/>, including one built by a test.</summary>
    public static CatalogedOperation Of(AwsServiceDefinition service, object operation, Type definedIn)
    {
        var type = operation.GetType();
        var arguments = type.GetGenericArguments();
        return new CatalogedOperation(service,
            (string)type.GetProperty("Name")!.GetValue(operation)!,
            arguments[0], arguments[1],
            (IMarshaller<IRequest, AmazonWebServiceRequest>)type.GetProperty("Marshaller")!.GetValue(operation)!,
            (ResponseUnmarshaller)type.GetProperty("Unmarshaller")!.GetValue(operation)!,
            definedIn.Name);
    }

    public override string ToString() => Title;
}
