namespace Liftoff.Configuration.Model;

/// <summary>
/// The keys of a dictionary property must match this pattern (names of functions, environments, tags…).
/// The hint says in words what is allowed, for the error message and the schema.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeyPatternAttribute(string pattern, string hint) : Attribute
{
    public string Pattern { get; } = pattern;
    public string Hint { get; } = hint;
}

/// <summary>
/// A setting that decides what Compile builds. It cannot differ per environment, because one build is
/// promoted unchanged through every environment.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BuildInputAttribute : Attribute;

/// <summary>The project's per-environment overrides: the loader reads them as layers over the project.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnvironmentOverridesAttribute : Attribute;

/// <summary>
/// A record that may also be written as a plain value, which then sets the named property: <c>LogLevel: debug</c> is
/// <c>LogLevel: { value: debug }</c>. An environment's override replaces such a value whole.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ScalarShorthandAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}

/// <summary>A text value that may use the placeholders {project}, {env}, {region} and {accountId}.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlaceholdersAttribute : Attribute;
