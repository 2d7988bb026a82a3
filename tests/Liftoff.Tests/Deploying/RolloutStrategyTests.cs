using Liftoff.Deploying;
using Liftoff.Deploying.Rollout;

namespace Liftoff.Tests.Deploying;

public sealed class RolloutStrategyTests
{
    [Fact]
    public void All_at_once_has_no_intermediate_shares() => Assert.Empty(RolloutStrategy.AllAtOnce.IntermediateWeights());

    [Fact]
    public void A_canary_holds_one_share() =>
        Assert.Equal([0.1], RolloutStrategy.Canary(10, TimeSpan.FromMinutes(5)).IntermediateWeights());

    [Fact]
    public void Linear_by_percent_steps_up_to_just_below_all() =>
        Assert.Equal([0.3, 0.6, 0.9], RolloutStrategy.Linear(30, TimeSpan.FromMinutes(1)).IntermediateWeights());

    [Fact]
    public void Linear_by_steps_divides_traffic_evenly() =>
        Assert.Equal([0.25, 0.5, 0.75], RolloutStrategy.Linear(0, TimeSpan.FromMinutes(1), steps: 4).IntermediateWeights());

    [Fact]
    public void A_canary_percent_outside_1_to_99_is_refused_with_where_to_fix_it()
    {
        var error = Assert.Throws<DeployException>(() => RolloutStrategy.Canary(100, TimeSpan.FromMinutes(1)).IntermediateWeights());
        Assert.Contains("environments.yaml", error.Message);
    }
}
