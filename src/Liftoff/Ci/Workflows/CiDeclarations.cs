using System.Reflection;
using Liftoff.Engine.CI.GitHubActions;

namespace Liftoff.Ci.Workflows;

/// <summary>What a build class declares about its CI files: its workflows with Liftoff's additions, and its buildspec.</summary>
public sealed record CiDeclarations(
    IReadOnlyList<GitHubActionsAttribute> Workflows,
    IReadOnlyList<DeployStagesAttribute> Stages,
    IReadOnlyList<DeployPreviewAttribute> Previews,
    CodeBuildAttribute? CodeBuild)
{
    public static CiDeclarations Of(Type build)
    {
        var declarations = new CiDeclarations(
            build.GetCustomAttributes<GitHubActionsAttribute>(inherit: true).OrderBy(w => w.Name, StringComparer.Ordinal).ToList(),
            build.GetCustomAttributes<DeployStagesAttribute>(inherit: true).ToList(),
            build.GetCustomAttributes<DeployPreviewAttribute>(inherit: true).ToList(),
            build.GetCustomAttribute<CodeBuildAttribute>(inherit: true));
        var names = declarations.Workflows.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        var orphans = declarations.Stages.Select(s => s.Workflow).Concat(declarations.Previews.Select(p => p.Workflow))
            .Where(w => !names.Contains(w)).ToList();
        if (orphans.Count > 0)
            throw new CiGenerationException(
                $"{build.Name}: [DeployStages]/[DeployPreview] name the workflow '{orphans[0]}', but no [GitHubActions(\"{orphans[0]}\", ...)] " +
                $"declares it (declared: {string.Join(", ", names.DefaultIfEmpty("none"))}).");
        return declarations;
    }

    public DeployStagesAttribute? StagesOf(GitHubActionsAttribute workflow) => Stages.FirstOrDefault(s => s.Workflow == workflow.Name);

    public DeployPreviewAttribute? PreviewOf(GitHubActionsAttribute workflow) => Previews.FirstOrDefault(p => p.Workflow == workflow.Name);
}

/// <summary>The CI declarations and the configuration disagree; the message says where and what to change.</summary>
public sealed class CiGenerationException(string message) : Exception(message);
