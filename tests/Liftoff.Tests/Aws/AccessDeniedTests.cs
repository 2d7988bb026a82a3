using System.Text.Json;
using Amazon.Runtime;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Aws;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.CloudWatch;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Aws.Local;

namespace Liftoff.Tests.Aws;

/// <summary>
/// moto enforcing IAM (INITIAL_NO_AUTH_ACTION_COUNT): its first requests (the start-up probe, then two
/// that create a user without policies) go unchecked; every later one is authorised against the
/// caller's permissions, as on AWS.
/// </summary>
public sealed class IamEnforcingMoto : IAsyncLifetime
{
    private MotoServer? _server;

    public string Endpoint => _server!.Endpoint;
    public BasicAWSCredentials Deployer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await MotoServer.StartAsync(MotoServer.FreePort(), new MotoServerOptions
        {
            Environment = new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "3" },
        }, CancellationToken.None);
        await AwsAsync("iam", "create-user", "--user-name", "deployer");
        var key = (await AwsAsync("iam", "create-access-key", "--user-name", "deployer")).GetProperty("AccessKey");
        Deployer = new BasicAWSCredentials(key.GetProperty("AccessKeyId").GetString(), key.GetProperty("SecretAccessKey").GetString());
    }

    private async Task<JsonElement> AwsAsync(params string[] args)
    {
        var result = await Cli.Wrap("aws").WithArguments([.. args, "--endpoint-url", Endpoint, "--region", "us-east-1", "--output", "json"])
            .WithEnvironmentVariables(e => e.Set("AWS_ACCESS_KEY_ID", "testing").Set("AWS_SECRET_ACCESS_KEY", "testing"))
            .ExecuteBufferedAsync();
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

public sealed class AccessDeniedTests(IamEnforcingMoto moto) : IClassFixture<IamEnforcingMoto>
{
    [Fact]
    public async Task Access_denied_names_the_operation_the_resource_and_the_caller()
    {
        using var aws = AwsClients.Create(new AwsConnection("us-east-1", moto.Endpoint, null), moto.Deployer);

        var error = await Assert.ThrowsAsync<AmazonCloudFormationException>(() =>
            aws.CloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = "cards-prod" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Contains("cloudformation:DescribeStacks on cards-prod", error.Message);
        Assert.Contains("as arn:aws:iam::123456789012:user/deployer", error.Message);
        Assert.Contains("--aws-profile", error.Message);
        Assert.IsType<AmazonCloudFormationException>(error.InnerException);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Access_denied_names_the_IAM_action_where_it_is_not_the_operation_s_name()
    {
        using var aws = AwsClients.Create(new AwsConnection("us-east-1", moto.Endpoint, null), moto.Deployer);

        var invoke = await Assert.ThrowsAsync<AmazonLambdaException>(() =>
            aws.Lambda.InvokeAsync(new InvokeRequest { FunctionName = "cards-prod-lambda-api", Payload = "{}" }));
        var alarms = await Assert.ThrowsAsync<AmazonCloudWatchException>(() =>
            aws.CloudWatch.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = { "cards-prod-errors" } }));

        // IAM authorises Lambda's Invoke as lambda:InvokeFunction, and CloudWatch (signed as monitoring) as cloudwatch:*.
        Assert.Contains("Access denied: lambda:InvokeFunction on cards-prod-lambda-api", invoke.Message);
        Assert.Contains("Access denied: cloudwatch:DescribeAlarms on cards-prod-errors", alarms.Message);
    }
}
