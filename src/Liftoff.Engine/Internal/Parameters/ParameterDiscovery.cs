using System.Reflection;

namespace Liftoff.Engine.Internal.Parameters;

internal static class ParameterDiscovery
{
    private const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Parameters on the class (and its bases) first, then on its interfaces; the first of a name wins.</summary>
    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        var classChain = new List<Type>();
        for (var t = buildType; t is not null && t != typeof(object); t = t.BaseType) classChain.Insert(0, t);

        var found = new List<ParameterDescriptor>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in classChain.Concat(buildType.GetInterfaces()))
        foreach (var member in type.GetMembers(Flags | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
        {
            var attribute = member.GetCustomAttribute<ParameterAttribute>();
            if (attribute is null) continue;
            var memberType = member switch
            {
                FieldInfo f => f.FieldType,
                PropertyInfo p => p.PropertyType,
                _ => null,
            };
            if (memberType is null) continue;
            var name = attribute.Name ?? member.Name[(member.Name.LastIndexOf('.') + 1)..];
            if (!names.Add(name)) continue;
            found.Add(new ParameterDescriptor(name, attribute.Description, memberType,
                member.GetCustomAttribute<SecretAttribute>() is not null, member,
                member.GetCustomAttribute<MachineOutputAttribute>() is not null));
        }
        return found;
    }
}
