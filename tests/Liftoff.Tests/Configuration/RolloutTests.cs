using Liftoff.Configuration;

namespace Liftoff.Tests.Configuration;

public sealed class RolloutTests
{
    [Fact]
    public void All_at_once_has_no_intermediate_shares() => Assert.Empty(Rollout.AllAtOnce.IntermediateWeights());

    [Fact]
    public void A_canary_holds_one_share() =>
        Assert.Equal([0.1], Rollout.Canary(10, intervalMinutes: 5).IntermediateWeights());

    [Fact]
    public void Linear_by_percent_steps_up_to_just_below_all() =>
        Assert.Equal([0.3, 0.6, 0.9], Rollout.Linear(30, intervalMinutes: 1).IntermediateWeights());

    [Fact]
    public void Linear_with_steps_makes_that_many_shifts_before_all() =>
        Assert.Equal([0.2, 0.4], (Rollout.Linear(20, intervalMinutes: 1) with { Steps = 2 }).IntermediateWeights());

    [Theory]
    [InlineData(10, 9)]
    [InlineData(25, 3)]
    [InlineData(30, 3)]
    [InlineData(33, 3)]
    [InlineData(50, 1)]
    public void A_linear_rollout_shifts_as_long_as_the_share_stays_below_all(int percent, int steps) =>
        Assert.Equal(steps, Rollout.Linear(percent, intervalMinutes: 1).Steps);

    [Fact]
    public void A_canary_percent_outside_1_to_99_is_refused_with_where_to_fix_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Rollout.Canary(100, intervalMinutes: 1).IntermediateWeights());
        Assert.Contains("environments.yaml", error.Message);
    }
}
