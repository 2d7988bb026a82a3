using Liftoff.Deploying;
using Liftoff.Deploying.Code;

namespace Liftoff.Tests.Deploying;

public sealed class ShiftStrategyTests
{
    [Fact]
    public void All_at_once_has_no_intermediate_shares() => Assert.Empty(ShiftStrategy.AllAtOnce.IntermediateWeights());

    [Fact]
    public void A_canary_holds_one_share() =>
        Assert.Equal([0.1], ShiftStrategy.Canary(10, TimeSpan.FromMinutes(5)).IntermediateWeights());

    [Fact]
    public void Linear_by_percent_steps_up_to_just_below_all() =>
        Assert.Equal([0.3, 0.6, 0.9], ShiftStrategy.Linear(30, TimeSpan.FromMinutes(1)).IntermediateWeights());

    [Fact]
    public void Linear_with_steps_makes_that_many_shifts_before_all() =>
        Assert.Equal([0.2, 0.4], ShiftStrategy.Linear(20, TimeSpan.FromMinutes(1), steps: 2).IntermediateWeights());

    [Fact]
    public void A_canary_percent_outside_1_to_99_is_refused_with_where_to_fix_it()
    {
        var error = Assert.Throws<DeployException>(() => ShiftStrategy.Canary(100, TimeSpan.FromMinutes(1)).IntermediateWeights());
        Assert.Contains("environments.yaml", error.Message);
    }
}
