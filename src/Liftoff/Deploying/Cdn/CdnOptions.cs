namespace Liftoff.Deploying.Cdn;

/// <summary>
/// How an invalidation is followed. <see cref="Wait"/> (--wait): until CloudFront reports it completed, with
/// progress, for at most <see cref="WaitLimit"/> (--wait-minutes; default 30, where the AWS CLI's waiter gives up
/// after 10 while invalidations can take longer). The same limit bounds waiting for room when the distribution
/// already has as many paths in progress as CloudFront allows.
/// </summary>
public sealed record CdnOptions(bool Wait = false, TimeSpan? WaitLimit = null)
{
    public static readonly TimeSpan DefaultWaitLimit = TimeSpan.FromMinutes(30);

    public TimeSpan Limit => WaitLimit ?? DefaultWaitLimit;
}
