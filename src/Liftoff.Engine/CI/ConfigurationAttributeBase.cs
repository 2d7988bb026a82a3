namespace Liftoff.Engine.CI;

/// <summary>
/// The base of CI-configuration attributes on a build class (<c>[GitHubActions(...)]</c>), as NUKE's. They are data:
/// the engine reads <see cref="ImportedSecretNames"/> (those parameters may come from bare environment names, as the
/// workflow exports them); generating the CI files from them belongs to the build's CI generation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public abstract class ConfigurationAttributeBase : Attribute
{
    /// <summary>Whether the CI file is regenerated when the build runs (NUKE's default: true).</summary>
    public bool AutoGenerate { get; set; } = true;

    /// <summary>The parameters whose values the CI file exports as secrets, under their UPPER_SNAKE_CASE names.</summary>
    public virtual IReadOnlyCollection<string> ImportedSecretNames => [];
}
