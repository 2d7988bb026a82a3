using System.Collections;
using System.Reflection;
using Amazon.Runtime;

namespace Liftoff.Tests.Aws.Conformance;

/// <summary>Pairs a model shape's members with the properties of the Liftoff type that stands for it.</summary>
public static class ShapeBinding
{
    public static PropertyInfo? PropertyFor(Type type, Shape shape, Member member) =>
        type.GetProperty(SdkNames.Property(shape.Service.ServiceId, shape.Name, member.Name), BindingFlags.Public | BindingFlags.Instance);

    /// <summary>The public properties a Liftoff type declares (not those of the SDK's request and response bases).</summary>
    public static IEnumerable<PropertyInfo> OwnProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType!.Assembly != typeof(AmazonWebServiceRequest).Assembly && p.GetIndexParameters().Length == 0);

    /// <summary>Null, an empty collection and an empty stream count as "not set", as they are not sent.</summary>
    public static bool IsSet(object? value) => value switch
    {
        null => false,
        ICollection collection => collection.Count > 0,
        _ => true,
    };

    public static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    public static (Type Key, Type Value)? MapTypes(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)
            ? (type.GetGenericArguments()[0], type.GetGenericArguments()[1])
            : null;
}
