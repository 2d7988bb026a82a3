using Amazon.Runtime;

namespace Liftoff.Aws.CloudWatch.Model;

/// <summary>One page of alarms (by names, prefix or state); use the paginator for all of them.</summary>
public class DescribeAlarmsRequest : AmazonWebServiceRequest
{
    public List<string> AlarmNames { get; set; } = [];
    public string? AlarmNamePrefix { get; set; }
    /// <summary>"MetricAlarm", "CompositeAlarm"; only metric alarms when empty.</summary>
    public List<string> AlarmTypes { get; set; } = [];
    public StateValue? StateValue { get; set; }
    public string? ActionPrefix { get; set; }
    public int? MaxRecords { get; set; }
    public string? NextToken { get; set; }
}

public class DescribeAlarmsResponse : AmazonWebServiceResponse
{
    public List<MetricAlarm> MetricAlarms { get; set; } = [];
    public List<CompositeAlarm> CompositeAlarms { get; set; } = [];
    public string? NextToken { get; set; }
}
