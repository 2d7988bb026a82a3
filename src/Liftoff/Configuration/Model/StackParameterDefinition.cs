using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>
/// One stack parameter's value in project.yaml: written as it is (<c>LogLevel: debug</c>), or read from an environment
/// variable when Deploy runs (<c>DbPassword: { fromEnv: DB_PASSWORD }</c>), so a secret never sits in the committed file.
/// </summary>
[ScalarShorthand(nameof(Value))]
[Description("A stack parameter: its value, or { fromEnv: NAME } to read it from an environment variable when Deploy runs.")]
public sealed record StackParameterDefinition
{
    [Placeholders]
    [Description("The value (the same as writing it directly); may use {project}, {env}, {region}, {accountId}, or be a dynamic reference such as {{resolve:ssm-secure:/name}}.")]
    public string? Value { get; init; }

    [RegularExpression(@"^[A-Za-z_][A-Za-z0-9_]*$", ErrorMessage = "an environment variable name (letters, digits and _)")]
    [Description("Environment variable holding a NoEcho parameter's value when Deploy runs (in CI, mapped from a secret); the value is masked in all output and recorded only as a fingerprint.")]
    public string? FromEnv { get; init; }
}
