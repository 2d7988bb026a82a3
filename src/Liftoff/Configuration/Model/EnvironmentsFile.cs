using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>environments.yaml at the repository root, as written.</summary>
[Description("Liftoff environments: where and how each environment deploys.")]
public sealed record EnvironmentsFile
{
    [Required, MinLength(1)]
    [KeyPattern(Names.EnvironmentPattern, Names.EnvironmentHint)]
    [Description("The environments by name (dev, staging, prod, local…).")]
    public IReadOnlyDictionary<string, EnvironmentDefinition>? Environments { get; init; }
}
