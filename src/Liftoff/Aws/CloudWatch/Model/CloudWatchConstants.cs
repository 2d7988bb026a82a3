using Amazon.Runtime;

namespace Liftoff.Aws.CloudWatch.Model;

// CloudWatch's enumerations as the official SDK shapes them (ConstantClass: compare with ==, convert from string).

/// <summary>An alarm's state.</summary>
public sealed class StateValue(string value) : ConstantClass(value)
{
    public static readonly StateValue OK = new("OK");
    public static readonly StateValue ALARM = new("ALARM");
    public static readonly StateValue INSUFFICIENT_DATA = new("INSUFFICIENT_DATA");
    public static StateValue FindValue(string value) => FindValue<StateValue>(value);
    public static implicit operator StateValue(string value) => FindValue(value);
}

public sealed class ComparisonOperator(string value) : ConstantClass(value)
{
    public static readonly ComparisonOperator GreaterThanOrEqualToThreshold = new("GreaterThanOrEqualToThreshold");
    public static readonly ComparisonOperator GreaterThanThreshold = new("GreaterThanThreshold");
    public static readonly ComparisonOperator LessThanThreshold = new("LessThanThreshold");
    public static readonly ComparisonOperator LessThanOrEqualToThreshold = new("LessThanOrEqualToThreshold");
    public static readonly ComparisonOperator LessThanLowerOrGreaterThanUpperThreshold = new("LessThanLowerOrGreaterThanUpperThreshold");
    public static readonly ComparisonOperator LessThanLowerThreshold = new("LessThanLowerThreshold");
    public static readonly ComparisonOperator GreaterThanUpperThreshold = new("GreaterThanUpperThreshold");
    public static ComparisonOperator FindValue(string value) => FindValue<ComparisonOperator>(value);
    public static implicit operator ComparisonOperator(string value) => FindValue(value);
}

public sealed class Statistic(string value) : ConstantClass(value)
{
    public static readonly Statistic SampleCount = new("SampleCount");
    public static readonly Statistic Average = new("Average");
    public static readonly Statistic Sum = new("Sum");
    public static readonly Statistic Minimum = new("Minimum");
    public static readonly Statistic Maximum = new("Maximum");
    public static Statistic FindValue(string value) => FindValue<Statistic>(value);
    public static implicit operator Statistic(string value) => FindValue(value);
}
