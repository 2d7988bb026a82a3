using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>--approve and --dry-run: how the stages that change a live environment (Deploy, Rollback) are let through.</summary>
public interface IHazApproval : ILiftoffBuild
{
    [Parameter("Deploy, Rollback: execute changes in environments that need approval without asking")]
    bool Approve => TryGetValue(() => Approve);

    [Parameter("Deploy, Rollback: show what would change (change sets, rollout, files), then discard it; nothing changes")]
    bool DryRun => TryGetValue(() => DryRun);
}
