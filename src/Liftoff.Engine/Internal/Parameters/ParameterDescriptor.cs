using System.Reflection;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>A [Parameter] member of the build or of one of its component interfaces.</summary>
internal sealed record ParameterDescriptor(string Name, string? Description, Type Type, bool IsSecret, MemberInfo Member, bool IsMachineOutput = false)
{
    public string CliName => "--" + Naming.ToKebabCase(Name);
    public string EnvironmentName => Naming.ToUpperSnakeCase(Name);
    public string PrefixedEnvironmentName => "LIFTOFF_" + EnvironmentName;

    /// <summary>The value type with Nullable&lt;T&gt; unwrapped.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;

    /// <summary>Fields and settable properties of the class get the value injected; interface properties ask TryGetValue.</summary>
    public bool IsInjected =>
        Member.DeclaringType is { IsInterface: false } &&
        (Member is FieldInfo || Member is PropertyInfo { SetMethod: not null });

    public string TypeName => ValueType switch
    {
        var t when t == typeof(string) => "string",
        var t when t == typeof(bool) => "bool",
        var t when t == typeof(int) => "int",
        var t when t == typeof(string[]) => "string[]",
        var t when t == typeof(AbsolutePath) => "path",
        { IsEnum: true } => "enum",
        var t => t.Name,
    };

    public IReadOnlyList<string> AllowedValues =>
        ValueType.IsEnum ? Enum.GetNames(ValueType).Select(Naming.ToKebabCase).ToArray() : [];
}
