using Liftoff.Aws;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>Liftoff's CloudWatch client against moto, reading alarms the AWS CLI made.</summary>
public sealed class CloudWatchClientTests : IClassFixture<MotoFixture>, IClassFixture<OncePerClass>, IAsyncLifetime
{
    private readonly AwsCli _cli;
    private readonly AwsClients _aws;
    private readonly OncePerClass _once;
    private readonly string _prefix = "cards-dev";

    public CloudWatchClientTests(MotoFixture moto, OncePerClass once)
    {
        _cli = new AwsCli(moto);
        _once = once;
        _aws = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    }

    public Task InitializeAsync() => _once.RunAsync("alarms", CreateAlarmsAsync);

    private async Task CreateAlarmsAsync()
    {
        foreach (var name in new[] { "errors", "throttles", "latency" })
            await _cli.RunAsync("cloudwatch", "put-metric-alarm", "--alarm-name", $"{_prefix}-{name}", "--metric-name", "Errors",
                "--namespace", "AWS/Lambda", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1", "--threshold", "1",
                "--comparison-operator", "GreaterThanOrEqualToThreshold", "--dimensions", "Name=FunctionName,Value=cards-dev-lambda-api");
        await _cli.RunAsync("cloudwatch", "set-alarm-state", "--alarm-name", $"{_prefix}-errors", "--state-value", "ALARM", "--state-reason", "5 errors in 1 minute");
    }

    public Task DisposeAsync()
    {
        _aws.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DescribeAlarms_reads_named_alarms_member_by_member()
    {
        var ours = await _aws.CloudWatch.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = { $"{_prefix}-errors", $"{_prefix}-latency" } });

        var theirs = await _cli.JsonAsync("cloudwatch", "describe-alarms", "--alarm-names", $"{_prefix}-errors", $"{_prefix}-latency");
        var errors = ours.MetricAlarms.Single(a => a.AlarmName == $"{_prefix}-errors");
        Assert.Equal(StateValue.ALARM, errors.StateValue);
        Assert.Equal("5 errors in 1 minute", errors.StateReason);
        Assert.Equal("cards-dev-lambda-api", errors.Dimensions.Single().Value);
        Assert.True(FieldByField.AssertMatches(theirs, ours) >= 30);
    }

    [Fact]
    public async Task Alarms_can_be_selected_by_state()
    {
        // AWS applies AlarmNamePrefix and StateValue together; moto only the prefix, so the state is asked alone.
        var ours = await _aws.CloudWatch.DescribeAlarmsAsync(new DescribeAlarmsRequest { StateValue = StateValue.ALARM });

        Assert.Equal([$"{_prefix}-errors"], ours.MetricAlarms.Select(a => a.AlarmName));
    }

    [Fact]
    public async Task The_paginator_lists_every_alarm_the_CLI_lists()
    {
        var names = new List<string>();
        await foreach (var alarm in _aws.CloudWatch.Paginators.DescribeAlarms(new DescribeAlarmsRequest { AlarmNamePrefix = _prefix, MaxRecords = 1 }).MetricAlarms)
            names.Add(alarm.AlarmName!);

        var theirs = await _cli.JsonAsync("cloudwatch", "describe-alarms", "--alarm-name-prefix", _prefix);
        Assert.Equal(theirs.GetProperty("MetricAlarms").EnumerateArray().Select(a => a.GetProperty("AlarmName").GetString()), names);
        Assert.Equal(3, names.Count);
    }
}
