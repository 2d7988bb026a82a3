using System.Threading.RateLimiting;
using Polly;
using Polly.Retry;

namespace Liftoff.Aws.Requests;

/// <summary>
/// One AWS service's request budget, inside that service's client: each operation gets a token bucket (AWS
/// limits most control-plane APIs per operation), and a throttled call waits and tries again with growing,
/// jittered delays for as long as it takes — throttling is never a failure. <see cref="AwsClients"/> owns one
/// per service, so every project using those clients in a run shares it.
/// </summary>
public sealed class RequestBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ResiliencePipeline _retry;

    public RequestBudget(string service, ServiceRequestLimit limit)
    {
        Service = service;
        Limit = limit;
        _limiter = PartitionedRateLimiter.Create<string, string>(operation =>
            RateLimitPartition.GetTokenBucketLimiter(operation, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / limit.RequestsPerSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(Throttling.IsThrottling),
                MaxRetryAttempts = limit.MaxThrottleRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = limit.ThrottleBaseDelay,
                MaxDelay = limit.ThrottleMaxDelay,
            })
            .Build();
    }

    public string Service { get; }
    public ServiceRequestLimit Limit { get; }

    /// <summary>Sends one call of <paramref name="operation"/> within the budget, retrying while throttled.</summary>
    internal async Task<T> SendAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        return await _retry.ExecuteAsync(async token =>
        {
            using var lease = await _limiter.AcquireAsync(operation, 1, token);
            if (!lease.IsAcquired)
                throw new InvalidOperationException($"The {Service} request queue for {operation} is full.");
            return await call(token);
        }, cancellationToken);
    }

    /// <summary>Calls of <paramref name="operation"/> waiting for the budget now (for tests and diagnostics).</summary>
    internal long Waiting(string operation) => _limiter.GetStatistics(operation)?.CurrentQueuedCount ?? 0;

    public void Dispose() => _limiter.Dispose();
}
