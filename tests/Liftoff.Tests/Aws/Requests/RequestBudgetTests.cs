using Amazon.Runtime;
using Liftoff.Aws;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Aws.Requests;
using Liftoff.Aws.Runtime;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws.Requests;

/// <summary>
/// The request budget inside Liftoff's clients: a token bucket per operation, shared by whoever uses the same
/// <see cref="AwsClients"/> (every project deploying to one region and endpoint), and throttling retried.
/// </summary>
public sealed class RequestBudgetTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    // Two calls at once, then one every 1000 s: within a test, a third call of the operation waits.
    private static readonly ServiceRequestLimit TwoThenWait = new(RequestsPerSecond: 0.001, Burst: 2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    [Fact]
    public async Task Calls_beyond_the_budget_wait_for_their_turn()
    {
        using var budget = new RequestBudget("Lambda", TwoThenWait);
        using var stop = new CancellationTokenSource();

        await budget.SendAsync("UpdateAlias", _ => Task.FromResult(1), default);
        await budget.SendAsync("UpdateAlias", _ => Task.FromResult(2), default);
        var third = budget.SendAsync("UpdateAlias", _ => Task.FromResult(3), stop.Token);
        var otherOperation = await budget.SendAsync("GetAlias", _ => Task.FromResult(4), default);

        Assert.True(WaitsFor(budget, "UpdateAlias", 1), "the third UpdateAlias should wait for the budget");
        Assert.False(third.IsCompleted);
        Assert.Equal(4, otherOperation); // each operation has its own bucket, as AWS limits them
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public async Task A_throttled_call_is_tried_again_until_it_succeeds()
    {
        using var budget = new RequestBudget("CloudFormation", new ServiceRequestLimit(1000, 100, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)));
        var attempts = 0;

        var answer = await budget.SendAsync("DescribeStackEvents", _ => ++attempts < 10
            ? throw new AmazonServiceException("Rate exceeded", ErrorType.Sender, "Throttling", "r", System.Net.HttpStatusCode.BadRequest)
            : Task.FromResult("events"), default);

        Assert.Equal("events", answer);
        Assert.Equal(10, attempts);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        using var budget = new RequestBudget("Lambda", ServiceRequestLimit.Lambda);
        var attempts = 0;

        await Assert.ThrowsAsync<AmazonServiceException>(() => budget.SendAsync<int>("GetAlias", _ =>
        {
            attempts++;
            throw new AmazonServiceException("Function not found", ErrorType.Sender, "ResourceNotFoundException", "r", System.Net.HttpStatusCode.NotFound);
        }, default));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Projects_calling_through_the_same_clients_share_one_budget_per_service()
    {
        // DeployRun hands every project of one region and endpoint the same AwsClients (IHazAws caches them),
        // so parallel projects draw from one budget per service, as AWS counts their requests.
        using var clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null),
            limits: RequestLimits.Default with { CloudWatch = TwoThenWait });
        var projectA = clients.CloudWatch;
        var projectB = clients.CloudWatch;
        using var stop = new CancellationTokenSource();

        await projectA.DescribeAlarmsAsync(new DescribeAlarmsRequest());
        await projectA.DescribeAlarmsAsync(new DescribeAlarmsRequest());
        var waiting = projectB.DescribeAlarmsAsync(new DescribeAlarmsRequest(), stop.Token);

        var budget = ((LiftoffServiceClient)projectB).Budget!;
        Assert.True(WaitsFor(budget, "DescribeAlarms", 1), "project B's call should wait for the budget project A used up");
        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.NotNull(((LiftoffServiceClient)clients.Lambda).Budget);
        Assert.NotSame(budget, ((LiftoffServiceClient)clients.Lambda).Budget);
    }

    /// <summary>Until the call queued in the budget (it is queued as soon as the caller's task starts).</summary>
    private static bool WaitsFor(RequestBudget budget, string operation, int calls) =>
        SpinWait.SpinUntil(() => budget.Waiting(operation) == calls, TimeSpan.FromSeconds(10));
}
