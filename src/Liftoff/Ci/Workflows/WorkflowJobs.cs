using Liftoff.Ci.Yaml;
using Liftoff.Engine.CI.GitHubActions;
using static Liftoff.Ci.Workflows.WorkflowSteps;

namespace Liftoff.Ci.Workflows;

/// <summary>
/// The jobs of a workflow: NUKE's one job per image running the invoked targets, and Liftoff's additions: the
/// deploy preview of a pull request, the deploy stages with a matrix of affected projects, and AWS access through
/// OIDC for a workflow whose dispatch input chooses the environment.
/// </summary>
internal sealed class WorkflowJobs(GitHubActionsAttribute workflow, CiTopology topology)
{
    private GitHubActionsImage Image => workflow.Images[0];

    /// <summary>One job per image running the invoked targets; dispatch inputs reach the build as LIFTOFF_{INPUT}.</summary>
    public IEnumerable<(string Id, YamlMap Job)> TargetJobs()
    {
        var inputs = WorkflowTriggers.Inputs(workflow).Select(i => i.Name).ToList();
        var environment = inputs.Contains("env") ? "${{ inputs.env }}" : null;
        foreach (var image in workflow.Images)
        {
            var env = new YamlMap();
            foreach (var input in inputs) env["LIFTOFF_" + UpperSnake(input)] = $"${{{{ inputs.{input} }}}}";
            List<YamlMap> steps = [CheckoutStep(workflow), CacheStep(workflow)];
            if (environment is not null) steps.Add(AwsCredentialsStep(RoleByInput(), RegionByInput()));
            steps.Add(BuildStep(workflow, image, Targets, Targets, env));
            if (workflow.InvokedTargets.Contains("Test")) steps.Add(UploadTestResultsStep());
            yield return (WorkflowTriggers.Label(image).Replace('.', '-'), new YamlMap
            {
                ["name"] = workflow.Images.Count == 1 ? string.Join(", ", workflow.InvokedTargets) : WorkflowTriggers.Label(image),
                ["runs-on"] = WorkflowTriggers.Label(image),
                ["environment"] = environment,
                ["permissions"] = environment is null ? null : Permissions(("contents", "read"), ("deployments", "write"), ("id-token", "write")),
                ["concurrency"] = environment is not null && inputs.Contains("project")
                    ? Concurrency("${{ inputs.project }}", "${{ inputs.env }}") : JobConcurrency(),
                ["timeout-minutes"] = Timeout(),
                ["steps"] = steps,
            });
        }
    }

    /// <summary>Deploy --dry-run against the environment, after the target jobs; its change sets become the PR comment.</summary>
    public (string Id, YamlMap Job) PreviewJob(DeployPreviewAttribute preview, IEnumerable<string> after)
    {
        var environment = topology.Require(preview.Environment, $"[DeployPreview(\"{preview.Workflow}\")]");
        return ("deploy-preview", new YamlMap
        {
            ["name"] = $"Deploy preview ({environment.Name})",
            ["needs"] = after.ToList(),
            // A fork's pull request gets no OIDC token, so it cannot plan against AWS: its tests still run above.
            ["if"] = "github.event.pull_request.head.repo.full_name == github.repository",
            ["runs-on"] = WorkflowTriggers.Label(Image),
            ["permissions"] = Permissions(("contents", "read"), ("id-token", "write"), ("pull-requests", "write")),
            ["timeout-minutes"] = Timeout(),
            ["steps"] = new List<YamlMap>
            {
                CheckoutStep(workflow), CacheStep(workflow), AwsCredentialsStep(environment.RoleArn!, environment.Region),
                BuildStep(workflow, Image, "Deploy --dry-run", $"Deploy --env {environment.Name} --dry-run", GitHubToken()),
            },
        });
    }

    /// <summary>The affected projects, then one job per environment in order, each a matrix over them.</summary>
    public IEnumerable<(string Id, YamlMap Job)> StageJobs(DeployStagesAttribute stages)
    {
        yield return ("affected", new YamlMap
        {
            ["name"] = "Affected projects",
            ["runs-on"] = WorkflowTriggers.Label(Image),
            ["outputs"] = new YamlMap { ["projects"] = "${{ steps.affected.outputs.projects }}" },
            ["steps"] = new List<YamlMap>
            {
                CheckoutStep(workflow, fetchDepth: 0), CacheStep(workflow),
                new()
                {
                    ["id"] = "affected",
                    ["name"] = "Affected",
                    // A push's `before` is the branch's previous head (all zeros for a new branch: every project).
                    ["run"] = $"echo \"projects=$({Bootstrap(Image)} Affected --json | jq -c .projects)\" >> \"$GITHUB_OUTPUT\"",
                    ["env"] = new YamlMap { ["LIFTOFF_BASE"] = "${{ github.event.before }}" },
                },
            },
        });
        var previous = "affected";
        foreach (var name in stages.Environments)
        {
            var environment = topology.Require(name, $"[DeployStages(\"{stages.Workflow}\")]");
            var id = "deploy-" + name;
            yield return (id, StageJob(environment, previous == "affected" ? ["affected"] : ["affected", previous]));
            previous = id;
        }
    }

    private YamlMap StageJob(CiEnvironment environment, List<string> needs) => new()
    {
        ["name"] = $"Deploy ${{{{ matrix.project }}}} to {environment.Name}",
        ["needs"] = needs,
        ["if"] = "needs.affected.outputs.projects != '[]'",
        ["runs-on"] = WorkflowTriggers.Label(Image),
        // Each environment is a GitHub environment: its protection rules (prod's required reviewers) hold the job.
        ["environment"] = environment.Name,
        ["permissions"] = Permissions(("contents", "read"), ("deployments", "write"), ("id-token", "write")),
        ["concurrency"] = Concurrency("${{ matrix.project }}", environment.Name),
        ["timeout-minutes"] = Timeout(),
        ["strategy"] = new YamlMap
        {
            ["fail-fast"] = false,
            ["matrix"] = new YamlMap { ["project"] = "${{ fromJSON(needs.affected.outputs.projects) }}" },
        },
        ["steps"] = new List<YamlMap>
        {
            CheckoutStep(workflow), CacheStep(workflow), AwsCredentialsStep(environment.RoleArn!, environment.Region),
            // Where the environment needs approval, its GitHub environment's reviewers gave it before the job started.
            BuildStep(workflow, Image, Targets, $"{Targets} --env {environment.Name}" + (environment.RequiresApproval ? " --approve" : ""),
                GitHubToken(("LIFTOFF_PROJECT", "${{ matrix.project }}"))),
        },
    };

    private string Targets => string.Join(" ", workflow.InvokedTargets);

    private static YamlMap GitHubToken(params (string Name, string Value)[] more)
    {
        var env = new YamlMap();
        foreach (var (name, value) in more) env[name] = value;
        env["GITHUB_TOKEN"] = "${{ secrets.GITHUB_TOKEN }}";
        return env;
    }

    /// <summary>Two runs never deploy (or roll back) the same project in the same environment at once; the second waits.</summary>
    private static YamlMap Concurrency(string project, string environment) => new()
    {
        ["group"] = $"deploy-{project}-{environment}",
        ["cancel-in-progress"] = false,
    };

    private YamlMap? JobConcurrency() => workflow.JobConcurrencyGroup is null ? null : new YamlMap
    {
        ["group"] = workflow.JobConcurrencyGroup,
        ["cancel-in-progress"] = workflow.JobConcurrencyCancelInProgress,
    };

    private int? Timeout() => workflow.TimeoutMinutes > 0 ? workflow.TimeoutMinutes : null;

    public static YamlMap Permissions(params (string Scope, string Level)[] permissions)
    {
        var map = new YamlMap();
        foreach (var (scope, level) in permissions.OrderBy(p => p.Scope, StringComparer.Ordinal)) map[scope] = level;
        return map;
    }

    /// <summary>The ciRoleArn of the environment the dispatch input chose, from environments.yaml.</summary>
    private string RoleByInput() => ByInput(e => e.RoleArn!);

    private string RegionByInput() => ByInput(e => e.Region);

    private string ByInput(Func<CiEnvironment, string> value)
    {
        var reachable = topology.Reachable;
        if (reachable.Count == 0)
            throw new CiGenerationException($"[GitHubActions(\"{workflow.Name}\")] takes an env input, but no environment in environments.yaml has a ciRoleArn.");
        var json = "{" + string.Join(",", reachable.Select(e => $"\"{e.Name}\":\"{value(e)}\"")) + "}";
        return $"${{{{ fromJSON('{json}')[inputs.env] }}}}";
    }
}
