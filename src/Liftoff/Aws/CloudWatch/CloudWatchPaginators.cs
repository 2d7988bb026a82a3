using Amazon.Runtime;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudWatch;

/// <summary>Paginators for CloudWatch's paged operations (official shape: <c>cw.Paginators.DescribeAlarms(request).MetricAlarms</c>).</summary>
public interface ICloudWatchPaginatorFactory
{
    IDescribeAlarmsPaginator DescribeAlarms(DescribeAlarmsRequest request);
}

public interface IDescribeAlarmsPaginator
{
    IPaginatedEnumerable<DescribeAlarmsResponse> Responses { get; }
    IPaginatedEnumerable<MetricAlarm> MetricAlarms { get; }
    IPaginatedEnumerable<CompositeAlarm> CompositeAlarms { get; }
}

internal sealed class CloudWatchPaginatorFactory(IAmazonCloudWatch client) : ICloudWatchPaginatorFactory
{
    public IDescribeAlarmsPaginator DescribeAlarms(DescribeAlarmsRequest request) =>
        new DescribeAlarmsPaginator(new TokenPaginator<DescribeAlarmsRequest, DescribeAlarmsResponse>(
            request, client.DescribeAlarmsAsync, r => r.NextToken, (r, t) => r.NextToken = t, r => r.NextToken));

    private sealed class DescribeAlarmsPaginator(IPaginator<DescribeAlarmsResponse> paginator) : IDescribeAlarmsPaginator
    {
        public IPaginatedEnumerable<DescribeAlarmsResponse> Responses { get; } = new PaginatedResponse<DescribeAlarmsResponse>(paginator);
        public IPaginatedEnumerable<MetricAlarm> MetricAlarms { get; } = new PaginatedResultKeyResponse<DescribeAlarmsResponse, MetricAlarm>(paginator, r => r.MetricAlarms);
        public IPaginatedEnumerable<CompositeAlarm> CompositeAlarms { get; } = new PaginatedResultKeyResponse<DescribeAlarmsResponse, CompositeAlarm>(paginator, r => r.CompositeAlarms);
    }
}
