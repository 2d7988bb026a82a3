using Liftoff.Configuration.Model;

namespace Liftoff.Configuration;

/// <summary>An environment's CodePipeline, defaults applied: pipeline {repository}-{env}, CodeBuild project {repository}-{env}-build.</summary>
public sealed record PipelineSettings(string Name, string RoleArn, string Repository, string Branch, string CodeBuildProject)
{
    internal static PipelineSettings? From(string environment, PipelineDefinition? definition) =>
        definition is { RoleArn: { } role, Repository: { } repository }
            ? new PipelineSettings(
                definition.Name ?? $"{repository}-{environment}",
                role,
                repository,
                definition.Branch ?? "main",
                definition.CodeBuildProject ?? $"{repository}-{environment}-build")
            : null;
}
