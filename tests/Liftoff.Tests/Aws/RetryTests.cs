using Liftoff.Aws;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.CloudWatch.Model;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>
/// The SDK's retries, as Liftoff's clients get them: a proxy in front of moto answers a share of
/// requests with throttling and 5xx errors; calls still succeed, and nothing that must happen once
/// reaches moto twice.
/// </summary>
public sealed class RetryTests : IClassFixture<MotoFixture>, IClassFixture<OncePerClass>
{
    private static readonly Fault[] Faults = [Fault.Throttle, Fault.InternalError, Fault.Unavailable];
    private readonly MotoFixture _moto;
    private readonly AwsCli _cli;
    private readonly MotoLambda _functions;

    public RetryTests(MotoFixture moto, OncePerClass once)
    {
        _moto = moto;
        _cli = new AwsCli(moto);
        _functions = new MotoLambda(_cli, once);
    }

    [Fact]
    public async Task Calls_succeed_when_every_first_attempt_is_throttled_or_fails_with_5xx()
    {
        var function = $"cards-retry-{Guid.NewGuid():N}"[..30];
        var stack = $"cards-retry-{Guid.NewGuid():N}"[..30];
        await _functions.CreateFunctionAsync(function);
        // Odd requests fail (throttle, 500, 503 in turn) before reaching moto; the SDK's retry then succeeds.
        await using var proxy = new FaultInjectingProxy(_moto.Endpoint, (sequence, _) => sequence % 2 == 1 ? Faults[sequence / 2 % Faults.Length] : Fault.None);
        using var aws = AwsClients.Create(new AwsConnection(_moto.Region, proxy.Endpoint, null));

        await aws.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = function, ZipFile = new MemoryStream(MotoLambda.Zip("return 2;")) });
        var published = await aws.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = function });
        await aws.Lambda.CreateAliasAsync(new CreateAliasRequest { FunctionName = function, Name = "live", FunctionVersion = published.Version });
        await aws.CloudFormation.CreateChangeSetAsync(new CreateChangeSetRequest
        {
            StackName = stack, ChangeSetName = "deploy-1", ChangeSetType = ChangeSetType.CREATE,
            TemplateBody = """{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket"}}}""",
        });
        await aws.CloudFormation.ExecuteChangeSetAsync(new ExecuteChangeSetRequest { StackName = stack, ChangeSetName = "deploy-1" });
        var stacks = await aws.CloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stack });
        await aws.CloudWatch.DescribeAlarmsAsync(new DescribeAlarmsRequest());

        Assert.Equal(StackStatus.CREATE_COMPLETE, stacks.Stacks.Single().StackStatus);
        Assert.All(Faults, fault => Assert.Contains(proxy.Log, r => r.Fault == fault));
        foreach (var once in new[] { "PUT /2015-03-31/functions/" + function + "/code", "POST /2015-03-31/functions/" + function + "/versions",
                     "POST /2015-03-31/functions/" + function + "/aliases", "CreateChangeSet", "ExecuteChangeSet" })
            Assert.True(proxy.ReachedMoto(once) == 1, $"{once} reached moto {proxy.ReachedMoto(once)} times");
        var versions = await _cli.JsonAsync("lambda", "list-versions-by-function", "--function-name", function);
        Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
        var changeSets = await _cli.JsonAsync("cloudformation", "list-change-sets", "--stack-name", stack);
        Assert.Single(changeSets.GetProperty("Summaries").EnumerateArray());
    }

    [Fact]
    public async Task A_PublishVersion_whose_response_is_lost_is_retried_without_a_second_version()
    {
        var function = $"cards-lost-{Guid.NewGuid():N}"[..30];
        await _functions.CreateFunctionAsync(function);
        var publish = $"POST /2015-03-31/functions/{function}/versions";
        var lost = 0;
        await using var proxy = new FaultInjectingProxy(_moto.Endpoint,
            (_, operation) => operation == publish && Interlocked.Increment(ref lost) == 1 ? Fault.LoseResponse : Fault.None);
        using var aws = AwsClients.Create(new AwsConnection(_moto.Region, proxy.Endpoint, null));

        var published = await aws.Lambda.PublishVersionAsync(new PublishVersionRequest
        {
            FunctionName = function, CodeSha256 = MotoLambda.CodeSha256(MotoLambda.Zip("return { statusCode: 200 };")),
        });

        // The SDK resent it (the first answer never arrived); Lambda, like AWS, answers an unchanged
        // $LATEST with the version it already published, and CodeSha256 guards against publishing other code.
        Assert.Equal(2, proxy.ReachedMoto(publish));
        Assert.Equal("1", published.Version);
        var versions = await _cli.JsonAsync("lambda", "list-versions-by-function", "--function-name", function);
        Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
    }

    [Fact]
    public async Task A_call_that_keeps_failing_surfaces_after_the_SDKs_attempts_with_its_error()
    {
        await using var proxy = new FaultInjectingProxy(_moto.Endpoint, (_, _) => Fault.Unavailable);
        using var aws = AwsClients.Create(new AwsConnection(_moto.Region, proxy.Endpoint, null));

        var error = await Assert.ThrowsAsync<Liftoff.Aws.CloudFormation.AmazonCloudFormationException>(() =>
            aws.CloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = "cards-prod" }));

        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(AwsClients.MinimumRetries + 1, proxy.Log.Count); // standard retry mode, with Liftoff's retries: seven attempts in all
    }
}
