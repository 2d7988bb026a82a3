using Liftoff.Aws.CloudWatch.Model;

namespace Liftoff.Aws.CloudWatch;

/// <summary>
/// The CloudWatch operations Liftoff uses (alarms watched during a traffic shift), named and shaped like
/// the official AWSSDK.CloudWatch client so that it can replace this one without touching callers.
/// </summary>
public interface IAmazonCloudWatch : IDisposable
{
    ICloudWatchPaginatorFactory Paginators { get; }

    /// <summary>One page; use <see cref="Paginators"/> for all.</summary>
    Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken = default);
}
