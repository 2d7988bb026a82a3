using Amazon.S3.Model;
using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.Stacks;
using Liftoff.Packaging;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// A sample project's real template and configuration through the stack deploy and the code rollout, against
/// moto: the pieces a Deploy chains, without the upload and ledger around them.
/// </summary>
public sealed class SampleProjectDeployTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private readonly AwsCli _cli = new(moto);
    private readonly AwsClients _clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task People_cards_deploys_then_a_second_deploy_changes_nothing()
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environment = configuration.Resolve("dev", ["people-cards"]).Single();
        var code = await UploadAsync(environment);
        var template = await StackTemplate.LoadAsync(environment.TemplatePath, default);
        var console = DeployTestKit.Console();
        var stacks = new StackDeployer(_clients.CloudFormation, console);
        var rollout = new CodeRollout(_clients.Lambda, _clients.CloudWatch, console);

        var first = await DeployTestKit.DeployStackAsync(stacks, DeployInputs.Stack(environment, template, code), new DeployOptions());
        var resources = (await stacks.ReadOutputsAsync(environment.StackName, default)).Resources;
        var firstRollout = await rollout.RunAsync(DeployInputs.Rollout(environment, code, resources), default);
        var second = await DeployTestKit.DeployStackAsync(stacks, DeployInputs.Stack(environment, template, code), new DeployOptions());
        var secondRollout = await rollout.RunAsync(DeployInputs.Rollout(environment, code, resources), default);

        Assert.Equal(StackDeployOutcome.Created, first.Outcome);
        Assert.Equal(StackDeployOutcome.NoChanges, second.Outcome);
        var function = environment.Functions.Single().FunctionName!;
        var live = await _cli.JsonAsync("lambda", "get-alias", "--function-name", function, "--name", "live");
        var version = live.GetProperty("FunctionVersion").GetString()!;
        Assert.Equal(firstRollout.PublishedVersions[function], version);
        Assert.Equal(version, secondRollout.PublishedVersions[function]);
        Assert.Equal(AliasMove.Unchanged, secondRollout.Functions.Single().Move);
        var published = await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", function, "--qualifier", version);
        Assert.Equal(code.Single().CodeSha256, published.GetProperty("CodeSha256").GetString());
        var outputs = await stacks.ReadOutputsAsync(environment.StackName, default);
        Assert.NotNull(outputs.Find(environment.Outputs.ApiUrl!.OutputName, environment.Outputs.ApiUrl.LogicalId));
    }

    private async Task<IReadOnlyList<UploadedCode>> UploadAsync(ProjectEnvironment environment)
    {
        try
        {
            await _clients.S3.PutBucketAsync(environment.ArtifactBucket);
        }
        catch (Amazon.S3.AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
        var uploaded = new List<UploadedCode>();
        foreach (var function in environment.Functions)
        {
            var (path, sha) = _kit.Zip(function.Name, "exports.handler = async () => ({ statusCode: 200, body: '\"ok\"' });\n");
            var key = Artifact.ObjectKeyFor(environment.Project, function.Name, Convert.ToHexStringLower(Convert.FromBase64String(sha)));
            await _clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = environment.ArtifactBucket, Key = key, FilePath = path });
            uploaded.Add(new UploadedCode(function.Name, key, sha));
        }
        return uploaded;
    }

    public void Dispose()
    {
        _clients.Dispose();
        _kit.Dispose();
    }
}
