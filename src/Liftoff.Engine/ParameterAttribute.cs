namespace Liftoff.Engine;

/// <summary>
/// A build parameter. Its value comes from, in this order: the command line (<c>--kebab-case-name</c>, matched ignoring
/// case and dashes), the environment (<c>LIFTOFF_UPPER_SNAKE</c>, then NUKE's <c>NUKE_UPPER_SNAKE</c>, then a bare name
/// only where the parameter opts in), <c>.nuke/parameters.&lt;profile&gt;.json</c>, <c>.nuke/parameters.json</c>, the
/// member's default. NuGet, GitHub, DotNet and NUKE's other known words count as one word: NuGetApiKey is --nuget-api-key.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>Overrides the member name (PascalCase) the parameter is known by.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// A bare environment variable this parameter also reads, after the prefixed ones, e.g. <c>"GITHUB_TOKEN"</c>. A
    /// parameter named in a CI attribute's ImportSecrets reads its UPPER_SNAKE name too, as the generated workflow exports it.
    /// </summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>
    /// NUKE's member that lists the parameter's values (a property or method returning strings), on the build or the
    /// interface that declares the parameter, or on <see cref="ValueProviderType"/>. Unlike NUKE, a value outside the
    /// list is refused before anything runs (exit 2), with the nearest value and the list; a list that cannot be read
    /// (its configuration is broken) checks nothing, and the targets that read it report why.
    /// </summary>
    public string? ValueProviderMember { get; init; }

    /// <summary>The type holding a static <see cref="ValueProviderMember"/>, when it is not the build.</summary>
    public Type? ValueProviderType { get; init; }

    /// <summary>NUKE's list separator for a string[] from one value; here values are split at ',' and '+' (and spaces in the environment).</summary>
    public string? Separator { get; init; }
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

/// <summary>
/// Environment variables whose values are secrets wherever they are set (<c>[SecretVariables("AWS_SECRET_ACCESS_KEY")]</c>),
/// on the build class or a component interface: the engine masks their values in all output from the start of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true)]
public sealed class SecretVariablesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
