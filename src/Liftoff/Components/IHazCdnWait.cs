using Liftoff.Deploying.Cdn;
using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>--wait and --wait-minutes: whether a CDN invalidation (InvalidateCdn, Rollback) is followed to completion, and for how long.</summary>
public interface IHazCdnWait : ILiftoffBuild
{
    [Parameter("InvalidateCdn, Rollback: follow the CloudFront invalidation until it completes, with progress")]
    bool Wait => TryGetValue(() => Wait);

    [Parameter("InvalidateCdn, Rollback: how long --wait follows an invalidation, and waits for room while others are in progress (default 30)")]
    int? WaitMinutes => TryGetValue(() => WaitMinutes);

    CdnOptions CdnOptions => new(Wait, WaitMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null);
}
