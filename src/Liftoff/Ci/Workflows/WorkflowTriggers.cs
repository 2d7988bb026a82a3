using Liftoff.Ci.Yaml;
using Liftoff.Engine.CI.GitHubActions;
using Liftoff.Engine.Tooling;

namespace Liftoff.Ci.Workflows;

/// <summary>The <c>on:</c> section of a workflow from the attribute's triggers, as NUKE writes it.</summary>
internal static class WorkflowTriggers
{
    /// <summary>Inputs whose values Liftoff knows, offered as a choice: env (environments CI can reach) and project.</summary>
    public static YamlMap Write(GitHubActionsAttribute workflow, CiTopology topology)
    {
        var on = new YamlMap();
        if (workflow.On.Contains(GitHubActionsTrigger.Push) || Any(workflow.OnPushBranches, workflow.OnPushBranchesIgnore,
                workflow.OnPushTags, workflow.OnPushTagsIgnore, workflow.OnPushIncludePaths, workflow.OnPushExcludePaths))
            on["push"] = new YamlMap
            {
                ["branches"] = NonEmpty(workflow.OnPushBranches),
                ["branches-ignore"] = NonEmpty(workflow.OnPushBranchesIgnore),
                ["tags"] = NonEmpty(workflow.OnPushTags),
                ["tags-ignore"] = NonEmpty(workflow.OnPushTagsIgnore),
                ["paths"] = NonEmpty(workflow.OnPushIncludePaths),
                ["paths-ignore"] = NonEmpty(workflow.OnPushExcludePaths),
            };
        if (workflow.On.Contains(GitHubActionsTrigger.PullRequest) || Any(workflow.OnPullRequestBranches, workflow.OnPullRequestTags,
                workflow.OnPullRequestIncludePaths, workflow.OnPullRequestExcludePaths))
            on["pull_request"] = new YamlMap
            {
                ["branches"] = NonEmpty(workflow.OnPullRequestBranches),
                ["tags"] = NonEmpty(workflow.OnPullRequestTags),
                ["paths"] = NonEmpty(workflow.OnPullRequestIncludePaths),
                ["paths-ignore"] = NonEmpty(workflow.OnPullRequestExcludePaths),
            };
        if (workflow.On.Contains(GitHubActionsTrigger.WorkflowDispatch) || Any(workflow.OnWorkflowDispatchRequiredInputs, workflow.OnWorkflowDispatchOptionalInputs))
            on["workflow_dispatch"] = DispatchInputs(workflow, topology);
        if (workflow.OnCronSchedule is { } cron)
            on["schedule"] = new[] { new YamlMap { ["cron"] = cron } };
        if (on.Count == 0)
            throw new CiGenerationException($"[GitHubActions(\"{workflow.Name}\")] has no trigger: set On, OnPushBranches, OnPullRequestBranches, a dispatch input or OnCronSchedule.");
        return on;
    }

    /// <summary>The dispatch inputs as the workflow's users see them; each becomes LIFTOFF_{NAME} for the build.</summary>
    public static IEnumerable<(string Name, bool Required)> Inputs(GitHubActionsAttribute workflow) =>
        workflow.OnWorkflowDispatchRequiredInputs.Select(i => (i, true))
            .Concat(workflow.OnWorkflowDispatchOptionalInputs.Select(i => (i, false)));

    private static YamlMap DispatchInputs(GitHubActionsAttribute workflow, CiTopology topology)
    {
        var inputs = new YamlMap();
        foreach (var (name, required) in Inputs(workflow))
        {
            IReadOnlyList<string>? options = name switch
            {
                "env" => topology.Reachable.Select(e => e.Name).ToList(),
                "project" => topology.Projects,
                _ => null,
            };
            inputs[name] = new YamlMap
            {
                ["description"] = name switch
                {
                    "env" => "Environment",
                    "project" => "Project",
                    "to" => "Release id to restore (default: the previous successful release)",
                    _ => $"--{name}",
                },
                ["required"] = required,
                ["type"] = options is null ? "string" : "choice",
                ["options"] = options,
            };
        }
        return new YamlMap { ["inputs"] = inputs.Count == 0 ? null : inputs };
    }

    private static bool Any(params string[][] lists) => lists.Any(l => l.Length > 0);

    private static string[]? NonEmpty(string[] values) => values.Length == 0 ? null : values;

    /// <summary>The label of a runner image (ubuntu-latest).</summary>
    public static string Label(GitHubActionsImage image) => image.GetValue();

    public static string SubmodulesValue(GitHubActionsSubmodules submodules) => submodules.GetValue();
}
