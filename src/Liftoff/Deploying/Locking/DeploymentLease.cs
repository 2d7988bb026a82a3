namespace Liftoff.Deploying.Locking;

/// <summary>
/// A held deployment lock. Renewed in the background while the run works; disposing it releases the lock
/// (only if it is still ours; disposing twice is harmless). As the run's <see cref="IDeploymentFence"/>, it checks
/// before every change that the lock still carries its token; <see cref="Lost"/> is cancelled once it does not.
/// </summary>
public sealed class DeploymentLease : IAsyncDisposable, IDeploymentFence
{
    private readonly DeploymentLock _lock;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private string _etag;
    private bool _released;
    private int _disposed;

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

    /// <summary>The fencing token this lease wrote; the lock carries it for as long as this run holds it.</summary>
    public string Token => Holder.Token;

    /// <summary>
    /// Whose lock this one replaced, if any: a crashed run whose lease had run out, or (<see cref="LockHolder.Forced"/>
    /// on <see cref="Holder"/>) a live one broken with --force-unlock. Worth telling the user either way.
    /// </summary>
    public LockHolder? TookOverFrom { get; }

    /// <summary>Who holds the lock since this lease lost it (null: unknown, or removed).</summary>
    public LockHolder? TakenBy { get; private set; }

    /// <summary>Cancelled if the lock is found taken by someone else; link it into the deploy's token.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Reads the lock (one GET) and returns when it still carries this lease's token.</summary>
    public async ValueTask EnsureHeldAsync(string step, CancellationToken cancellationToken)
    {
        if (IsLost) throw LostBefore(step);
        var current = await _lock.GetHolderAsync(Project, Environment, cancellationToken);
        if (current?.Token == Token) return;
        await MarkLostAsync(current);
        throw LostBefore(step);
    }

    /// <summary>The error that says this lease was lost, for a run stopped by <see cref="Lost"/>.</summary>
    public DeploymentLockLostException LostBefore(string step) => new(Project, Environment, step, TakenBy);

    /// <summary>Extends the lease by its full length from now; throws <see cref="DeploymentLockLostException"/> if it is no longer ours.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (_released || IsLost) throw LostBefore("renewing its lease");
            var renewed = Holder with { ExpiresAt = _lock.Now + _lock.LeaseLength };
            var etag = await _lock.TryRenewAsync(Project, Environment, renewed, _etag, cancellationToken);
            if (etag is null)
            {
                await MarkLostAsync(await _lock.GetHolderAsync(Project, Environment, cancellationToken));
                throw LostBefore("renewing its lease");
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
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopRenewing.CancelAsync();
        await _renewing;
        await _oneAtATime.WaitAsync();
        try
        {
            if (_released || IsLost) return;
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

    private async Task MarkLostAsync(LockHolder? current)
    {
        TakenBy ??= current;
        await _lost.CancelAsync();
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
