using Liftoff.Deploying.Cdn;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;

namespace Liftoff.Deploying.RollingBack;

public enum RollbackOutcome
{
    /// <summary>The target's state is live again; <see cref="RollbackResult.Record"/> is the rollback's release.</summary>
    RolledBack,
    /// <summary>--dry-run: what would change was shown; nothing changed.</summary>
    DryRun,
    /// <summary>The named release is what is live already: nothing to do, nothing recorded.</summary>
    AlreadyLive,
}

/// <summary>What a rollback did: which release it replaced and restored, and what it changed in each part.</summary>
public sealed record RollbackResult(string Project, string Environment, RollbackOutcome Outcome, Release Replaced, Release Target)
{
    public IReadOnlyList<AliasChange> Aliases { get; init; } = [];
    public StackDeployResult? Stack { get; init; }
    public FrontEndPublishResult? FrontEnd { get; init; }
    public CdnOutcome? Cdn { get; init; }
    /// <summary>The rollback's own release record (kind rollback, naming <see cref="Target"/>).</summary>
    public Release? Record { get; init; }

    /// <summary>As a deploy's result, for what reports on both alike (GitHub deployments).</summary>
    public ProjectDeployResult ToDeployResult() => new(
        Project, Environment,
        Outcome switch
        {
            RollbackOutcome.DryRun => ProjectDeployOutcome.DryRun,
            RollbackOutcome.AlreadyLive => ProjectDeployOutcome.UpToDate,
            _ => ProjectDeployOutcome.Deployed,
        },
        [$"rollback to {Target.Id}"], Stack, FrontEnd: FrontEnd, Release: Record ?? Target);
}
