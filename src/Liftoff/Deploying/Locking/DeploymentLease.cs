namespace Liftoff.Deploying.Locking;

/// <summary>
/// A held deployment lock. Renewed in the background while the run works; disposing it releases the lock
/// (only if it is still ours). <see cref="Lost"/> is cancelled when a renewal finds the lock taken.
/// </summary>
public sealed class DeploymentLease : IAsyncDisposable
{
    private readonly DeploymentLock _lock;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private string _etag;
    private bool _released;

    internal DeploymentLease(
        DeploymentLock owner, string project, string environment, LockHolder holder, string etag,
        LockHolder? previous, TimeSpan? renewEvery, TimeProvider clock)
    {
        _lock = owner;
        Project = project;
        Environment = environment;
        Holder = holder;
        TookOverFrom = previous;
        _etag = etag;
        _renewing = renewEvery is { } period ? RenewPeriodicallyAsync(period, clock) : Task.CompletedTask;
    }

    public string Project { get; }
    public string Environment { get; }
    public LockHolder Holder { get; private set; }

    /// <summary>The crashed run whose expired lease this one replaced, if any (worth telling the user).</summary>
    public LockHolder? TookOverFrom { get; }

    /// <summary>Cancelled if the lock is found taken by someone else; link it into the deploy's token.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Extends the lease by its full length from now; throws <see cref="DeploymentLockLostException"/> if it is no longer ours.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (_released || _lost.IsCancellationRequested) throw new DeploymentLockLostException(Project, Environment);
            var renewed = Holder with { ExpiresAt = _lock.Now + _lock.LeaseLength };
            var etag = await _lock.TryRenewAsync(Project, Environment, renewed, _etag, cancellationToken);
            if (etag is null)
            {
                await _lost.CancelAsync();
                throw new DeploymentLockLostException(Project, Environment);
            }
            (_etag, Holder) = (etag, renewed);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync();
        await _renewing;
        await _oneAtATime.WaitAsync();
        try
        {
            if (_released || _lost.IsCancellationRequested) return;
            _released = true;
            // Releasing must not hide the error the deploy is failing with, nor hang a finished run:
            // if S3 cannot be reached, the lease simply runs out.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _lock.TryReleaseAsync(Project, Environment, _etag, timeout.Token);
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or OperationCanceledException)
            {
            }
        }
        finally
        {
            _oneAtATime.Release();
            _stopRenewing.Dispose();
        }
    }

    private async Task RenewPeriodicallyAsync(TimeSpan period, TimeProvider clock)
    {
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopRenewing.Token))
            {
                try
                {
                    await RenewAsync(_stopRenewing.Token);
                }
                catch (DeploymentLockLostException)
                {
                    return;
                }
                catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException)
                {
                    // A blip: the lease outlasts two more attempts.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
