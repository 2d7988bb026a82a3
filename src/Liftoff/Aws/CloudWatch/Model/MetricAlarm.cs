namespace Liftoff.Aws.CloudWatch.Model;

public class MetricAlarm
{
    public string? AlarmName { get; set; }
    public string? AlarmArn { get; set; }
    public string? AlarmDescription { get; set; }
    public StateValue? StateValue { get; set; }
    public string? StateReason { get; set; }
    public DateTime? StateUpdatedTimestamp { get; set; }
    public bool? ActionsEnabled { get; set; }
    public List<string> AlarmActions { get; set; } = [];
    public string? MetricName { get; set; }
    public string? Namespace { get; set; }
    public Statistic? Statistic { get; set; }
    public List<Dimension> Dimensions { get; set; } = [];
    public int? Period { get; set; }
    public int? EvaluationPeriods { get; set; }
    public double? Threshold { get; set; }
    public ComparisonOperator? ComparisonOperator { get; set; }
}

public class CompositeAlarm
{
    public string? AlarmName { get; set; }
    public string? AlarmArn { get; set; }
    public string? AlarmDescription { get; set; }
    public StateValue? StateValue { get; set; }
    public string? StateReason { get; set; }
    public DateTime? StateUpdatedTimestamp { get; set; }
    public string? AlarmRule { get; set; }
}

public class Dimension
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}
