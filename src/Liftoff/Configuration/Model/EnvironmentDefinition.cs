using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>One environment in environments.yaml, as written.</summary>
public sealed record EnvironmentDefinition
{
    [Required]
    [RegularExpression(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$", ErrorMessage = "an AWS region such as us-east-1")]
    [Description("AWS region, e.g. us-east-1.")]
    public string? Region { get; init; }

    [RegularExpression(@"^\d{12}$", ErrorMessage = "a 12-digit AWS account id (quote it to keep leading zeros)")]
    [Description("AWS account id; when given, deploys check it against the caller's identity.")]
    public string? AccountId { get; init; }

    [RegularExpression(@"^https?://[^\s/]+(/.*)?$", ErrorMessage = "an http:// or https:// URL such as http://127.0.0.1:4566")]
    [Description("Endpoint URL for every AWS client (a local emulator), e.g. http://127.0.0.1:4566.")]
    public string? EndpointUrl { get; init; }

    [Required, Placeholders]
    [Description("S3 bucket for build artifacts; may use {env}, {region} and {accountId}.")]
    public string? ArtifactBucket { get; init; }

    [DefaultValue(false)]
    [Description("Whether a deploy waits for a person's approval.")]
    public bool? RequiresApproval { get; init; }

    [DefaultValue(false)]
    [Description("Whether stacks get CloudFormation termination protection.")]
    public bool? TerminationProtection { get; init; }

    [Description("Default rollout of new function versions (all-at-once when absent).")]
    public RolloutDefinition? Rollout { get; init; }

    [KeyPattern(Names.TagKeyPattern, Names.TagKeyHint)]
    [Description("Tags for every stack in the environment.")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    [RegularExpression(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$", ErrorMessage = "an IAM role ARN such as arn:aws:iam::123456789012:role/liftoff-ci")]
    [Description("IAM role that GitHub Actions assumes through OIDC for this environment.")]
    public string? CiRoleArn { get; init; }

    [Description("The environment's CodePipeline, which ./build.sh PipelineSync creates or updates.")]
    public PipelineDefinition? Pipeline { get; init; }
}
