using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>projects/&lt;name&gt;/project.yaml, as written.</summary>
[Description("A Liftoff project: its functions, front end, stack and checks.")]
public sealed record ProjectDefinition
{
    [Description("What the project is, for people.")]
    public string? Description { get; init; }

    [BuildInput]
    [Description("CloudFormation or SAM template, relative to the project folder (default: template.yaml, else template.yml).")]
    public string? Template { get; init; }

    [KeyPattern(@"^[A-Za-z][A-Za-z0-9]*$", "a CloudFormation parameter name (letters and digits)")]
    [Description("Stack parameters passed when the template declares them; values may use {project}, {env}, {region}, {accountId}. " +
                 "A NoEcho parameter takes { fromEnv: NAME } or a dynamic reference ({{resolve:ssm-secure:...}}, {{resolve:secretsmanager:...}}), never plain text.")]
    public IReadOnlyDictionary<string, StackParameterDefinition>? StackParameters { get; init; }

    [KeyPattern(Names.FunctionPattern, Names.FunctionHint)]
    [Description("Settings of the Lambda functions by name. The template's functions with local code need no entry; their name is the logical id in kebab case (HelloWorldFunction: hello-world).")]
    public IReadOnlyDictionary<string, FunctionDefinition>? Functions { get; init; }

    [Description("Static front end built into a folder and published to the site bucket.")]
    public FrontEndDefinition? FrontEnd { get; init; }

    [Description("Stack outputs that later steps read, each with the resource to fall back to.")]
    public OutputsDefinition? Outputs { get; init; }

    [Description("Checks run after each deploy (SmokeTest): HTTP requests to the API, or functions invoked.")]
    public IReadOnlyList<SmokeCheckDefinition>? SmokeChecks { get; init; }

    [Range(1, 3600), DefaultValue(SmokeSettings.DefaultTimeoutSeconds)]
    [Description("SmokeTest: how long the checks may take in all, retries included, in seconds.")]
    public int? SmokeTimeoutSeconds { get; init; }

    [DefaultValue(true)]
    [Description("SmokeTest: when a check fails after a deploy, roll the project back to its previous release.")]
    public bool? RollbackOnFailure { get; init; }

    [Range(1, 3000)]
    [Description("InvalidateCdn: over this many changed paths, collapse them into wildcard prefixes; the environment's (default 15) when absent.")]
    public int? InvalidationPathLimit { get; init; }

    [Description("Rollout for this project; the environment's when absent.")]
    public RolloutDefinition? Rollout { get; init; }

    [Placeholders]
    [Description("CloudWatch alarm names watched while traffic shifts; may use placeholders.")]
    public IReadOnlyList<string>? Alarms { get; init; }

    [KeyPattern(Names.TagKeyPattern, Names.TagKeyHint)]
    [Placeholders]
    [Description("Tags for the stack, added to the environment's.")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    [EnvironmentOverrides]
    [KeyPattern(Names.EnvironmentPattern, Names.EnvironmentHint)]
    [Description("Per-environment overrides of any of the settings above, except what Compile builds.")]
    public IReadOnlyDictionary<string, ProjectDefinition>? Environments { get; init; }
}
