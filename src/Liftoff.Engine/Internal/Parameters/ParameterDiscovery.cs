using System.Reflection;
using Liftoff.Engine.CI;
using Liftoff.Engine.ProjectModel;

namespace Liftoff.Engine.Internal.Parameters;

internal static class ParameterDiscovery
{
    private const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>Parameters on the class (and its bases) first, then on its interfaces; the first of a name wins.</summary>
    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        // A parameter a CI attribute imports as a secret is exported by the workflow under its bare UPPER_SNAKE name.
        var imported = buildType.GetCustomAttributes<ConfigurationAttributeBase>(inherit: true)
            .SelectMany(a => a.ImportedSecretNames).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var found = new List<ParameterDescriptor>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in Members(buildType))
        {
            var parameter = member.GetCustomAttribute<ParameterAttribute>();
            var solution = member.GetCustomAttribute<SolutionAttribute>();
            if (parameter is null && solution is null) continue;
            var memberType = member switch
            {
                FieldInfo f => f.FieldType,
                PropertyInfo p => p.PropertyType,
                _ => null,
            };
            if (memberType is null) continue;
            var name = parameter?.Name ?? member.Name[(member.Name.LastIndexOf('.') + 1)..];
            if (!names.Add(name)) continue;
            var bare = new List<string>();
            if (parameter?.EnvironmentVariable is { } variable) bare.Add(variable);
            if (imported.Contains(name)) bare.Add(Naming.ToUpperSnakeCase(name));
            found.Add(new ParameterDescriptor(name,
                parameter?.Description ?? (solution is not null ? "Path to a solution file that is automatically loaded" : null),
                memberType, member.GetCustomAttribute<SecretAttribute>() is not null, member,
                IsRequired: member.GetCustomAttribute<RequiredAttribute>() is not null,
                IsSolutionPath: solution is not null && parameter is null,
                BareEnvironmentNames: bare,
                ValueProvider: parameter?.ValueProviderMember is { } provider ? (provider, parameter.ValueProviderType) : null,
                IsMachineOutput: member.GetCustomAttribute<MachineOutputAttribute>() is not null));
        }
        return found;
    }

    /// <summary>Every field and property of the class chain (base first, declaration order), then of its interfaces.</summary>
    public static IEnumerable<MemberInfo> Members(Type buildType)
    {
        var classChain = new List<Type>();
        for (var t = buildType; t is not null && t != typeof(object); t = t.BaseType) classChain.Insert(0, t);
        return classChain.Concat(buildType.GetInterfaces())
            .SelectMany(type => type.GetMembers(Flags | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
            .Where(m => m is FieldInfo or PropertyInfo);
    }
}
