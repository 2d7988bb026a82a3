namespace Liftoff.Engine.CI;

/// <summary>
/// Injects the CI host object when the build runs on that host, else null: <c>[CI] readonly GitHubActions GitHubActions;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class CIAttribute : Attribute;
