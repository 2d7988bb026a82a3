using System.Text.Json;
using Liftoff.Aws.CodePipeline.Model;
using Liftoff.Ci.Workflows;
using Liftoff.Configuration;

namespace Liftoff.Ci.Pipelines;

/// <summary>
/// An environment's pipeline from its configuration: the CodeCommit source, a CodeBuild build running
/// <c>./build.sh Test Package Upload --env E</c>, a manual approval where the environment needs one, and a CodeBuild
/// deploy running <c>./build.sh Deploy --env E --approve</c>. Both CodeBuild actions run the generated buildspec.yml
/// as a batch, one build per project; the stage's targets reach it in BUILD_ARGUMENTS. Artifacts go to the
/// environment's artifact bucket.
/// </summary>
public static class PipelineDefinitionBuilder
{
    public const string SourceStage = "Source";
    public const string BuildStage = "Build";
    public const string ApprovalStage = "Approve";
    public const string DeployStage = "Deploy";
    private const string SourceArtifact = "Source";

    public static PipelineDeclaration Build(ProjectEnvironment environment)
    {
        var pipeline = environment.Pipeline ?? throw new InvalidOperationException(
            $"environments.yaml: '{environment.Environment}' has no pipeline. Add environments.{environment.Environment}.pipeline " +
            "with roleArn and repository (see schemas/environments.schema.json).");
        var env = environment.Environment;
        List<StageDeclaration> stages =
        [
            Stage(SourceStage, new ActionDeclaration
            {
                Name = "CodeCommit",
                ActionTypeId = new ActionTypeId { Category = ActionCategory.Source, Owner = ActionOwner.AWS, Provider = "CodeCommit", Version = "1" },
                Configuration = new Dictionary<string, string>
                {
                    ["RepositoryName"] = pipeline.Repository,
                    ["BranchName"] = pipeline.Branch,
                    // Changes start the pipeline through an EventBridge rule, not by polling.
                    ["PollForSourceChanges"] = "false",
                },
                OutputArtifacts = [new OutputArtifact { Name = SourceArtifact }],
            }),
            Stage(BuildStage, CodeBuild("TestPackageUpload", pipeline, $"Test Package Upload --env {env}")),
        ];
        if (environment.RequiresApproval)
            stages.Add(Stage(ApprovalStage, new ActionDeclaration
            {
                Name = "ReleaseManager",
                ActionTypeId = new ActionTypeId { Category = ActionCategory.Approval, Owner = ActionOwner.AWS, Provider = "Manual", Version = "1" },
                Configuration = new Dictionary<string, string>
                {
                    ["CustomData"] = $"Deploy to {env}? Answer with ./build.sh PipelineApprove --env {env} --approve (or --reject) --comment \"...\"",
                },
            }));
        stages.Add(Stage(DeployStage, CodeBuild("Deploy", pipeline, $"Deploy --env {env} --approve")));

        return new PipelineDeclaration
        {
            Name = pipeline.Name,
            RoleArn = pipeline.RoleArn,
            ArtifactStore = new ArtifactStore { Type = "S3", Location = environment.ArtifactBucket },
            Stages = stages,
        };
    }

    private static StageDeclaration Stage(string name, ActionDeclaration action) => new() { Name = name, Actions = [action] };

    private static ActionDeclaration CodeBuild(string name, PipelineSettings pipeline, string arguments) => new()
    {
        Name = name,
        ActionTypeId = new ActionTypeId { Category = ActionCategory.Build, Owner = ActionOwner.AWS, Provider = "CodeBuild", Version = "1" },
        Configuration = new Dictionary<string, string>
        {
            ["ProjectName"] = pipeline.CodeBuildProject,
            ["BatchEnabled"] = "true",
            ["CombineArtifacts"] = "true",
            ["EnvironmentVariables"] = JsonSerializer.Serialize(new[]
            {
                new Dictionary<string, string> { ["name"] = BuildspecWriter.ArgumentsVariable, ["value"] = arguments, ["type"] = "PLAINTEXT" },
            }),
        },
        InputArtifacts = [new InputArtifact { Name = SourceArtifact }],
    };
}
