using System.Reflection;
using Liftoff.Engine.IO;
using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.Internal.Parameters;

/// <summary>
/// A [Parameter] member of the build or of one of its component interfaces, or a [Solution] member, whose parameter
/// (the path) has the member's name. <paramref name="BareEnvironmentNames"/>: unprefixed variables it may read, only
/// where it opted in. <paramref name="ValueProvider"/>: the [Parameter]'s ValueProviderMember and ValueProviderType.
/// </summary>
internal sealed record ParameterDescriptor(
    string Name,
    string? Description,
    Type Type,
    bool IsSecret,
    MemberInfo Member,
    bool IsRequired = false,
    bool IsSolutionPath = false,
    IReadOnlyList<string>? BareEnvironmentNames = null,
    (string Member, Type? Type)? ValueProvider = null,
    bool IsMachineOutput = false)
{
    public string CliName => "--" + Naming.ToKebabCase(Name);
    public string EnvironmentName => Naming.ToUpperSnakeCase(Name);

    /// <summary>The variables read for this parameter, in order: LIFTOFF_X, NUKE_X, then any bare name it opted in to.</summary>
    public IReadOnlyList<string> EnvironmentNames => ["LIFTOFF_" + EnvironmentName, "NUKE_" + EnvironmentName, .. BareEnvironmentNames ?? []];

    /// <summary>The value type with Nullable&lt;T&gt; unwrapped; a [Solution] member's parameter is its path.</summary>
    public Type ValueType => IsSolutionPath ? typeof(AbsolutePath) : Nullable.GetUnderlyingType(Type) ?? Type;

    /// <summary>Fields and settable properties of the class get the value injected; interface properties ask TryGetValue.</summary>
    public bool IsInjected =>
        !IsSolutionPath &&
        Member.DeclaringType is { IsInterface: false } &&
        (Member is FieldInfo || Member is PropertyInfo { SetMethod: not null });

    public string TypeName => ValueType switch
    {
        var t when t == typeof(string) => "string",
        var t when t == typeof(bool) => "bool",
        var t when t == typeof(int) => "int",
        var t when t == typeof(long) => "long",
        var t when t == typeof(TimeSpan) => "duration",
        var t when t == typeof(string[]) => "string[]",
        var t when t == typeof(AbsolutePath) => "path",
        { IsEnum: true } => "enum",
        var t when t.IsSubclassOf(typeof(Enumeration)) => "enum",
        var t => t.Name,
    };

    /// <summary>An enum's names in kebab-case; an Enumeration's member names, as NUKE lists them.</summary>
    public IReadOnlyList<string> AllowedValues =>
        ValueType.IsEnum ? Enum.GetNames(ValueType).Select(Naming.ToKebabCase).ToArray()
        : ValueType.IsSubclassOf(typeof(Enumeration)) ? Enumeration.Members(ValueType).Select(m => m.Name).ToArray()
        : [];
}
