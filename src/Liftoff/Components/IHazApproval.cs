using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>--approve: a person's yes given up front, for Deploy's change sets and for a pipeline's manual approval.</summary>
public interface IHazApproval : ILiftoffBuild
{
    [Parameter("Deploy: execute change sets in environments that need approval without asking; PipelineApprove: approve the pending approval")]
    bool Approve => TryGetValue(() => Approve);
}
