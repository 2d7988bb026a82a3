using System.Diagnostics;
using Amazon.Runtime;
using Liftoff.Aws.Requests;

namespace Liftoff.Tests.Aws.Requests;

public sealed class RequestBudgetTests
{
    [Fact]
    public async Task Calls_beyond_the_budget_wait_for_their_turn()
    {
        using var gate = new RequestBudget("Lambda", new ServiceRequestLimit(20, Burst: 2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => gate.SendAsync("UpdateAlias", _ => Task.FromResult(1), default)));

        // 2 at once, then 10 more at 20 a second: never sooner than half a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"12 calls took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_throttled_call_is_tried_again_until_it_succeeds()
    {
        using var gate = new RequestBudget("CloudFormation", new ServiceRequestLimit(1000, 100, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)));
        var attempts = 0;

        var answer = await gate.SendAsync("DescribeStackEvents", _ => ++attempts < 10
            ? throw new AmazonServiceException("Rate exceeded", ErrorType.Sender, "Throttling", "r", System.Net.HttpStatusCode.BadRequest)
            : Task.FromResult("events"), default);

        Assert.Equal("events", answer);
        Assert.Equal(10, attempts);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        using var gate = new RequestBudget("Lambda", ServiceRequestLimit.Lambda);
        var attempts = 0;

        await Assert.ThrowsAsync<AmazonServiceException>(() => gate.SendAsync<int>("GetAlias", _ =>
        {
            attempts++;
            throw new AmazonServiceException("Function not found", ErrorType.Sender, "ResourceNotFoundException", "r", System.Net.HttpStatusCode.NotFound);
        }, default));
        Assert.Equal(1, attempts);
    }
}
