using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Aws.Runtime;
using Liftoff.Aws.Runtime.Protocols;

namespace Liftoff.Aws.CloudWatch.Internal;

/// <summary>
/// CloudWatch's operations on the awsQuery protocol (API 2010-08-01), which AWS still serves next to its
/// newer JSON protocol. Wire format: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
/// </summary>
internal static class CloudWatchOperations
{
    private const string Service = "Amazon.CloudWatch";

    public static ServiceErrors Errors { get; } = new(
        (m, i, t, c, r, s) => new AmazonCloudWatchException(m, i, t, c, r, s),
        new Dictionary<string, ServiceExceptionFactory>
        {
            ["InvalidNextToken"] = (m, i, t, c, r, s) => new InvalidNextTokenException(m, i, t, c, r, s),
        });

    public static readonly AwsOperation<DescribeAlarmsRequest, DescribeAlarmsResponse> DescribeAlarms = new(
        "DescribeAlarms",
        r => QueryRequests.Create(r, Service, "DescribeAlarms", AmazonCloudWatchConfig.Definition.ApiVersion, q => q
            .AddList("AlarmNames", r.AlarmNames)
            .Add("AlarmNamePrefix", r.AlarmNamePrefix)
            .AddList("AlarmTypes", r.AlarmTypes)
            .Add("StateValue", r.StateValue)
            .Add("ActionPrefix", r.ActionPrefix)
            .Add("MaxRecords", r.MaxRecords)
            .Add("NextToken", r.NextToken)),
        XmlResponseReader<DescribeAlarmsResponse>.Query(Errors, x => new DescribeAlarmsResponse
        {
            MetricAlarms = x.Members("MetricAlarms").Select(a => new MetricAlarm
            {
                AlarmName = a.Text("AlarmName"),
                AlarmArn = a.Text("AlarmArn"),
                AlarmDescription = a.Text("AlarmDescription"),
                StateValue = a.Text("StateValue") is { } state ? StateValue.FindValue(state) : null,
                StateReason = a.Text("StateReason"),
                StateUpdatedTimestamp = a.Date("StateUpdatedTimestamp"),
                ActionsEnabled = a.Bool("ActionsEnabled"),
                AlarmActions = a.Strings("AlarmActions"),
                MetricName = a.Text("MetricName"),
                Namespace = a.Text("Namespace"),
                Statistic = a.Text("Statistic") is { } statistic ? Statistic.FindValue(statistic) : null,
                Dimensions = a.Members("Dimensions").Select(d => new Dimension { Name = d.Text("Name"), Value = d.Text("Value") }).ToList(),
                Period = a.Int("Period"),
                EvaluationPeriods = a.Int("EvaluationPeriods"),
                Threshold = a.Double("Threshold"),
                ComparisonOperator = a.Text("ComparisonOperator") is { } comparison ? ComparisonOperator.FindValue(comparison) : null,
            }).ToList(),
            CompositeAlarms = x.Members("CompositeAlarms").Select(a => new CompositeAlarm
            {
                AlarmName = a.Text("AlarmName"),
                AlarmArn = a.Text("AlarmArn"),
                AlarmDescription = a.Text("AlarmDescription"),
                StateValue = a.Text("StateValue") is { } state ? StateValue.FindValue(state) : null,
                StateReason = a.Text("StateReason"),
                StateUpdatedTimestamp = a.Date("StateUpdatedTimestamp"),
                AlarmRule = a.Text("AlarmRule"),
            }).ToList(),
            NextToken = x.Text("NextToken"),
        }),
        r => r.AlarmNames.Count == 1 ? r.AlarmNames[0] : r.AlarmNamePrefix is { } prefix ? prefix + "*" : null);
}
