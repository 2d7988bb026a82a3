using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Liftoff.Configuration.Model;

/// <summary>An environment's CodePipeline (CodeCommit, then CodeBuild, then approval and deploy), as written.</summary>
public sealed record PipelineDefinition
{
    [Required]
    [RegularExpression(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$", ErrorMessage = "an IAM role ARN that CodePipeline may assume")]
    [Description("IAM role CodePipeline assumes to run the pipeline.")]
    public string? RoleArn { get; init; }

    [Required]
    [RegularExpression(@"^[\w.-]{1,100}$", ErrorMessage = "a CodeCommit repository name (letters, digits, '.', '_' and '-')")]
    [Description("CodeCommit repository the pipeline takes its source from.")]
    public string? Repository { get; init; }

    [DefaultValue("main")]
    [Description("Branch of the repository the pipeline builds.")]
    public string? Branch { get; init; }

    [RegularExpression(@"^[A-Za-z0-9.@_-]{1,100}$", ErrorMessage = "a pipeline name (letters, digits, '.', '@', '_' and '-')")]
    [Description("Name of the pipeline; default {repository}-{env}.")]
    public string? Name { get; init; }

    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$", ErrorMessage = "a CodeBuild project name")]
    [Description("CodeBuild project (using the generated buildspec.yml) that runs the build and deploy stages; default {repository}-{env}-build.")]
    public string? CodeBuildProject { get; init; }
}
