using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Liftoff.Configuration.Model;

namespace Liftoff.Configuration.Yaml;

/// <summary>
/// The shape of a configuration record as the YAML and the JSON Schema see it: keys (camelCase property
/// names), their types and rules. The binder and the schema generator both read it, so they cannot disagree.
/// </summary>
internal sealed class ModelShape
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Shapes = new();

    private ModelShape(Type type)
    {
        Type = type;
        Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description;
        Keys = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => new ModelKey(p))
            .ToList();
        var shorthand = type.GetCustomAttribute<ScalarShorthandAttribute>()?.Property;
        Shorthand = shorthand is null ? null : Keys.Single(k => k.Property.Name == shorthand);
    }

    public Type Type { get; }
    public string? Description { get; }
    public IReadOnlyList<ModelKey> Keys { get; }

    /// <summary>The key a plain value sets when the record is written as one ([ScalarShorthand]); null when it cannot be.</summary>
    public ModelKey? Shorthand { get; }

    public static ModelShape Of(Type type) => Shapes.GetOrAdd(type, t => new ModelShape(t));

    public static bool IsModel(Type type) => type.IsClass && type != typeof(string) && type.Namespace == typeof(ProjectDefinition).Namespace;

    public ModelKey? Find(string key) => Keys.FirstOrDefault(k => k.Name == key);
}

internal sealed class ModelKey
{
    public ModelKey(PropertyInfo property)
    {
        Property = property;
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        ValueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Required = property.IsDefined(typeof(RequiredAttribute));
        BuildInput = property.IsDefined(typeof(BuildInputAttribute));
        Overrides = property.IsDefined(typeof(EnvironmentOverridesAttribute));
        Placeholders = property.IsDefined(typeof(PlaceholdersAttribute));
        Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
        Default = property.GetCustomAttribute<DefaultValueAttribute>()?.Value;
        Range = property.GetCustomAttribute<RangeAttribute>();
        Pattern = property.GetCustomAttribute<RegularExpressionAttribute>();
        Allowed = property.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Cast<string>().ToList();
        MinLength = property.GetCustomAttribute<MinLengthAttribute>()?.Length;
        KeyPattern = property.GetCustomAttribute<KeyPatternAttribute>();
    }

    public PropertyInfo Property { get; }
    public string Name { get; }
    /// <summary>The property type without Nullable&lt;&gt;.</summary>
    public Type ValueType { get; }
    public bool Required { get; }
    public bool BuildInput { get; }
    public bool Overrides { get; }
    public bool Placeholders { get; }
    public string? Description { get; }
    public object? Default { get; }
    public RangeAttribute? Range { get; }
    public RegularExpressionAttribute? Pattern { get; }
    public IReadOnlyList<string>? Allowed { get; }
    public int? MinLength { get; }
    public KeyPatternAttribute? KeyPattern { get; }

    /// <summary>T for IReadOnlyList&lt;T&gt;, else null.</summary>
    public Type? ListItem => ItemOf(ValueType, typeof(IReadOnlyList<>));

    /// <summary>T for IReadOnlyDictionary&lt;string, T&gt;, else null.</summary>
    public Type? DictionaryValue =>
        ValueType.IsGenericType && ValueType.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            ? ValueType.GetGenericArguments()[1]
            : null;

    private static Type? ItemOf(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic ? type.GetGenericArguments()[0] : null;
}
