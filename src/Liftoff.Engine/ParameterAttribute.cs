namespace Liftoff.Engine;

/// <summary>
/// A build parameter. Its value comes from, in this order: the command line (<c>--kebab-case-name</c>),
/// the environment (<c>LIFTOFF_UPPER_SNAKE</c>, then <c>UPPER_SNAKE</c>), <c>.nuke/parameters.&lt;profile&gt;.json</c>,
/// <c>.nuke/parameters.json</c>, the member's default.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>Overrides the member name (PascalCase) the parameter is known by.</summary>
    public string? Name { get; init; }
}

/// <summary>
/// A bool parameter that asks for machine-readable output (e.g. <c>--json</c>). While it is on, stdout holds only
/// what targets write to <see cref="ILiftoffBuild.StandardOutput"/> (for jq and scripts), and the build's own
/// output (target rules, plan, summary, errors) goes to stderr.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class MachineOutputAttribute : Attribute;

/// <summary>A parameter whose value is never printed: it is masked in all output, child processes' included.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
