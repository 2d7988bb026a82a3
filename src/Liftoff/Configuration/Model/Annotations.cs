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

/// <summary>A text value that may use the placeholders {project}, {env}, {region} and {accountId}.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlaceholdersAttribute : Attribute;
