using System.Collections;
using System.Reflection;
using Liftoff.Engine.Internal.Planning;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>
/// Checks the values given for parameters that name a ValueProviderMember against the list it returns, before
/// anything runs: `--env qa` must stop with exit 2, not after Compile and Package have run.
/// </summary>
internal static class ValueProviders
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy;

    /// <exception cref="ParameterException">A given value is not in its parameter's list.</exception>
    /// <exception cref="BuildDefinitionException">The named provider member does not exist.</exception>
    public static void Check(object build, IReadOnlyList<ParameterDescriptor> parameters, ParameterValues values)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.ValueProvider is not { } provider || values.ValueOf(parameter.Name) is not { } value) continue;
            string[] given = value is string[] many ? many : [value.ToString() ?? ""];
            if (given.Length == 0 || Read(build, parameter, provider) is not { } allowed) continue;
            foreach (var one in given.Where(v => !allowed.Contains(v, StringComparer.Ordinal)))
            {
                var nearest = Suggestions.Nearest(one, allowed);
                var shown = parameter.IsSecret ? SecretMasker.Mask : one;
                throw new ParameterException(
                    $"{parameter.CliName} expects one of {string.Join(", ", allowed)}, but {values.SourceOf(parameter.Name)} gives '{shown}'." +
                    (nearest is null || parameter.IsSecret ? "" : $" Did you mean '{nearest}'?"));
            }
        }
    }

    /// <summary>The provider's list; null when it could not be read (a broken configuration), so nothing is checked.</summary>
    private static IReadOnlyList<string>? Read(object build, ParameterDescriptor parameter, (string Member, Type? Type) provider)
    {
        var member = new[] { provider.Type, parameter.Member.DeclaringType, build.GetType() }
            .OfType<Type>()
            .Select(type => type.GetMember(provider.Member, Any).FirstOrDefault(m => m is PropertyInfo or FieldInfo or MethodInfo))
            .FirstOrDefault(m => m is not null)
            ?? throw new BuildDefinitionException(
                $"The parameter {parameter.Name} names ValueProviderMember '{provider.Member}', which {provider.Type?.Name ?? "the build"} does not have.");
        try
        {
            var result = member switch
            {
                PropertyInfo property => property.GetValue(property.GetMethod!.IsStatic ? null : build),
                FieldInfo field => field.GetValue(field.IsStatic ? null : build),
                MethodInfo method => method.Invoke(method.IsStatic ? null : build, []),
                _ => null,
            };
            return result is IEnumerable items and not string ? items.Cast<object?>().Select(i => i?.ToString() ?? "").ToList() : null;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
