using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>--dry-run: the stages that change a live environment (Deploy, Rollback) show what they would change, and change nothing.</summary>
public interface IHazDryRun : ILiftoffBuild
{
    [Parameter("Deploy, Rollback: show what would change (change sets, rollout, files), then discard it; nothing changes")]
    bool DryRun => TryGetValue(() => DryRun);
}
