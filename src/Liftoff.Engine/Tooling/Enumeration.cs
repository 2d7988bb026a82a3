using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace Liftoff.Engine.Tooling;

/// <summary>
/// A closed set of named string values, as NUKE's (the setup's <c>Configuration</c> derives from it): a parameter of
/// such a type accepts the names of its static members, and prints as its <see cref="Value"/> (the setup's Configuration adds its own conversion to string).
/// </summary>
public abstract class Enumeration : IEquatable<Enumeration>
{
    public string Value { get; set; } = "";

    public override string ToString() => Value;

    public bool Equals(Enumeration? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is Enumeration other && Equals(other);
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    public static bool operator ==(Enumeration? left, Enumeration? right) => Equals(left, right);
    public static bool operator !=(Enumeration? left, Enumeration? right) => !Equals(left, right);

    /// <summary>The named members of an enumeration type (its static fields and properties of that type), by member name.</summary>
    public static IReadOnlyList<(string Name, Enumeration Value)> Members(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => type.IsAssignableFrom(f.FieldType))
            .Select(f => (f.Name, (Enumeration)f.GetValue(null)!))
            .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => type.IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
                .Select(p => (p.Name, (Enumeration)p.GetValue(null)!)))
            .ToList();

    /// <summary>The member whose name or value is the text, ignoring case; null when none is.</summary>
    public static Enumeration? Parse(Type type, string text) =>
        Members(type).Where(m => string.Equals(m.Name, text, StringComparison.OrdinalIgnoreCase) ||
                                 string.Equals(m.Value.Value, text, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Value).FirstOrDefault();
}

/// <summary>Converts text to an <see cref="Enumeration"/> member, for <c>[TypeConverter(typeof(TypeConverter&lt;Configuration&gt;))]</c>.</summary>
public class TypeConverter<T> : TypeConverter where T : Enumeration
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? Enumeration.Parse(typeof(T), text) ?? throw new ArgumentException(
                $"'{text}' is not one of {string.Join(", ", Enumeration.Members(typeof(T)).Select(m => m.Name))}.")
            : base.ConvertFrom(context, culture, value);
}

/// <summary>The text an enum member stands for in a tool's arguments or a CI file (<c>[EnumValue("ubuntu-latest")]</c>).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class EnumValueAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

public static class EnumValueExtensions
{
    /// <summary>The member's <see cref="EnumValueAttribute"/> text, else its name.</summary>
    public static string GetValue<T>(this T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<EnumValueAttribute>()?.Value ?? value.ToString();
}
