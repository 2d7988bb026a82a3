using Liftoff.Deploying.Code;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;

namespace Liftoff.Deploying;

public enum ProjectDeployOutcome
{
    /// <summary>The last successful release has the same artifacts, template, parameters and assets: nothing was done.</summary>
    UpToDate,
    /// <summary>--dry-run: the change set and the planned rollout were shown; nothing changed.</summary>
    DryRun,
    Deployed,
}

/// <summary>What a project's deploy did, for the summary table and the exit code.</summary>
public sealed record ProjectDeployResult(
    string Project,
    string Environment,
    ProjectDeployOutcome Outcome,
    IReadOnlyList<string> Reasons,
    StackDeployResult? Stack = null,
    RolloutResult? Rollout = null,
    FrontEndPublishResult? FrontEnd = null,
    Release? Release = null);
