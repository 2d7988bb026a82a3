using System.Text.Json;
using Amazon.S3.Model;
using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Code;
using Liftoff.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// Lambda code rollouts against moto: code, versions and the alias <c>live</c> read back with the AWS CLI.
/// The rollout's clock is a fake one, so a five-minute canary is held exactly as long as the test says.
/// </summary>
public sealed class CodeRolloutTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private const string Bucket = "rollout-artifacts";
    private readonly AwsCli _cli;
    private readonly AwsClients _clients;
    private readonly DeployTestKit _kit = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public CodeRolloutTests(MotoFixture moto)
    {
        _cli = new AwsCli(moto);
        _clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    }

    // Setup goes through the SDK's own S3 client (faster than the CLI); the CLI reads back what Liftoff did.
    public async Task InitializeAsync()
    {
        try
        {
            await _clients.S3.PutBucketAsync(Bucket);
        }
        catch (Amazon.S3.AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Made by an earlier test of this class (one moto per class).
        }
    }

    [Fact]
    public async Task All_at_once_publishes_the_artifact_and_points_live_at_it()
    {
        var v1 = await CreateFunctionAsync("all-dev-lambda-api", "1");
        var v2 = await UploadAsync("all-dev-lambda-api", "2");

        var first = await NewRollout().RunAsync(Request(Rollout.AllAtOnce, v1), default);
        var again = await NewRollout().RunAsync(Request(Rollout.AllAtOnce, v1), default);
        var second = await NewRollout().RunAsync(Request(Rollout.AllAtOnce, v2), default);

        // moto never creates AWS::Lambda::Alias from a template: the first rollout creates live.
        Assert.Equal(AliasMove.Created, first.Functions[0].Move);
        Assert.Equal(AliasMove.Unchanged, again.Functions[0].Move);
        Assert.Equal(first.PublishedVersions["all-dev-lambda-api"], again.PublishedVersions["all-dev-lambda-api"]);
        Assert.True(second.Functions[0].CodeUpdated);
        var live = await AliasAsync("all-dev-lambda-api");
        Assert.Equal(second.PublishedVersions["all-dev-lambda-api"], live.GetProperty("FunctionVersion").GetString());
        Assert.Equal(v2.CodeSha256, await CodeShaAsync("all-dev-lambda-api", live.GetProperty("FunctionVersion").GetString()!));
        Assert.Equal(2, await PublishedVersionCountAsync("all-dev-lambda-api"));
    }

    [Fact]
    public async Task A_canary_holds_its_share_for_the_interval_then_moves_all_traffic()
    {
        var v1 = await CreateFunctionAsync("canary-dev-lambda-api", "1");
        await NewRollout().RunAsync(Request(Rollout.AllAtOnce, v1), default);
        var v2 = await UploadAsync("canary-dev-lambda-api", "2");
        var held = new HoldSignal();

        var run = NewRollout().RunAsync(Request(Rollout.Canary(10, intervalMinutes: 5), v2), default, held);
        await held.Shifted.WaitAsync(TimeSpan.FromSeconds(60));
        var during = await AliasAsync("canary-dev-lambda-api");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("1", during.GetProperty("FunctionVersion").GetString());
        Assert.Equal(0.1, during.GetProperty("RoutingConfig").GetProperty("AdditionalVersionWeights").GetProperty("2").GetDouble(), 3);
        var after = await AliasAsync("canary-dev-lambda-api");
        Assert.Equal("2", after.GetProperty("FunctionVersion").GetString());
        Assert.Equal(0, Weights(after));
        Assert.Equal(AliasMove.Shifted, result.Functions[0].Move);
    }

    [Fact]
    public async Task An_alarm_during_a_canary_sends_all_traffic_back_and_fails()
    {
        var v1 = await CreateFunctionAsync("alarm-dev-lambda-api", "1");
        await NewRollout().RunAsync(Request(Rollout.AllAtOnce, v1), default);
        var v2 = await UploadAsync("alarm-dev-lambda-api", "2");
        await _cli.RunAsync("cloudwatch", "put-metric-alarm", "--alarm-name", "alarm-dev-errors", "--metric-name", "Errors",
            "--namespace", "AWS/Lambda", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
            "--threshold", "1", "--comparison-operator", "GreaterThanOrEqualToThreshold");
        var held = new HoldSignal();
        var rollout = NewRollout();

        var run = rollout.RunAsync(Request(Rollout.Canary(25, intervalMinutes: 10), v2, "alarm-dev-errors"), default, held);
        await held.Shifted.WaitAsync(TimeSpan.FromSeconds(60));
        await _cli.RunAsync("cloudwatch", "set-alarm-state", "--alarm-name", "alarm-dev-errors", "--state-value", "ALARM",
            "--state-reason", "errors on the new version");
        _clock.Advance(rollout.AlarmPollInterval);
        var error = await Assert.ThrowsAsync<RolloutFailedException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("alarm-dev-errors", error.Message);
        var live = await AliasAsync("alarm-dev-lambda-api");
        Assert.Equal("1", live.GetProperty("FunctionVersion").GetString());
        Assert.Equal(0, Weights(live));
        Assert.Equal(AliasMove.RolledBack, error.Result.Functions[0].Move);
        Assert.Equal("2", error.Result.PublishedVersions["alarm-dev-lambda-api"]);
    }

    [Fact]
    public async Task Linear_moves_in_equal_steps()
    {
        var v1 = await CreateFunctionAsync("linear-dev-lambda-api", "1");
        await NewRollout().RunAsync(Request(Rollout.AllAtOnce, v1), default);
        var v2 = await UploadAsync("linear-dev-lambda-api", "2");
        var held = new HoldSignal();
        var seen = new List<double>();

        var run = NewRollout().RunAsync(Request(Rollout.Linear(25, intervalMinutes: 1), v2), default, held);
        for (var step = 0; step < 3; step++)
        {
            await held.Shifted.WaitAsync(TimeSpan.FromSeconds(60));
            held.Reset();
            seen.Add(Weights(await AliasAsync("linear-dev-lambda-api")));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([0.25, 0.5, 0.75], seen);
        Assert.Equal("2", (await AliasAsync("linear-dev-lambda-api")).GetProperty("FunctionVersion").GetString());
    }

    private CodeRollout NewRollout() => new(_clients.Lambda, _clients.CloudWatch, DeployTestKit.Console(), _clock)
    {
        AlarmPollInterval = TimeSpan.FromSeconds(30),
    };

    private static RolloutRequest Request(Rollout rollout, FunctionDeployment function, params string[] alarms) =>
        new([function], rollout, alarms);

    private async Task<FunctionDeployment> CreateFunctionAsync(string name, string revision)
    {
        var code = await UploadAsync(name, revision);
        var role = (await _cli.JsonAsync("iam", "create-role", "--role-name", name + "-role", "--assume-role-policy-document", "{}"))
            .GetProperty("Role").GetProperty("Arn").GetString()!;
        await _cli.RunAsync("lambda", "create-function", "--function-name", name, "--runtime", "nodejs20.x", "--handler", "index.handler",
            "--role", role, "--code", $"S3Bucket={Bucket},S3Key={code.CodeKey}");
        return code;
    }

    private async Task<FunctionDeployment> UploadAsync(string function, string revision)
    {
        var (path, sha) = _kit.Zip($"{function}-{revision}", $"exports.handler = async () => ({{ revision: {revision} }});\n");
        var key = $"{function}/{revision}.zip";
        await _clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, FilePath = path });
        return new(function, Bucket, key, sha);
    }

    private Task<JsonElement> AliasAsync(string function) => _cli.JsonAsync("lambda", "get-alias", "--function-name", function, "--name", "live");

    private static double Weights(JsonElement alias) =>
        alias.TryGetProperty("RoutingConfig", out var routing) && routing.TryGetProperty("AdditionalVersionWeights", out var weights)
            ? weights.EnumerateObject().Sum(w => w.Value.GetDouble())
            : 0;

    private async Task<string> CodeShaAsync(string function, string version) =>
        (await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", function, "--qualifier", version))
        .GetProperty("CodeSha256").GetString()!;

    private async Task<int> PublishedVersionCountAsync(string function) =>
        (await _cli.JsonAsync("lambda", "list-versions-by-function", "--function-name", function))
        .GetProperty("Versions").EnumerateArray().Count(v => v.GetProperty("Version").GetString() != "$LATEST");

    /// <summary>Signals when the rollout has shifted a share of traffic and is holding it.</summary>
    private sealed class HoldSignal : IProgress<RolloutProgress>
    {
        private TaskCompletionSource _shifted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Shifted => _shifted.Task;
        public void Reset() => _shifted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Report(RolloutProgress value)
        {
            if (value.Stage == RolloutStage.Shifted) _shifted.TrySetResult();
        }
    }

    public Task DisposeAsync()
    {
        _clients.Dispose();
        _kit.Dispose();
        return Task.CompletedTask;
    }
}
