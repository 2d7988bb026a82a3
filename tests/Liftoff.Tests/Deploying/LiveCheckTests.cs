using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// The up-to-date check confirms what AWS serves before it trusts the ledger (issue 11, findings 2 and 6): a change made
/// behind the ledger's back is reported line by line and deployed over, and an unchanged project stays up to date.
/// Each test deploys media-register to its own environment of this class's moto; the changes are made with the AWS CLI.
/// </summary>
public sealed class LiveCheckTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private readonly AwsCli _cli = new(moto);
    private readonly AwsClients _clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task Live_moved_to_other_code_behind_the_ledger_is_reported_and_deployed_over()
    {
        var (environment, manifest) = await DeployedAsync("dev");
        var first = await DeployAsync(environment, manifest);
        var function = environment.Functions.Single();
        var name = function.FunctionName!; // the sample names its function in the template
        // What finding 2 left: a second run's code published and made live, which the ledger never recorded.
        await _cli.RunAsync("lambda", "update-function-code", "--function-name", name, "--zip-file", $"fileb://{OtherCode()}");
        var stray = (await _cli.JsonAsync("lambda", "publish-version", "--function-name", name)).GetProperty("Version").GetString()!;
        await _cli.RunAsync("lambda", "update-alias", "--function-name", name, "--name", "live", "--function-version", stray);

        var console = DeployTestKit.Console();
        var second = await DeployAsync(environment, manifest, console);
        var third = await DeployAsync(environment, manifest);

        Assert.Equal(ProjectDeployOutcome.Deployed, second.Outcome);
        Assert.Contains($"drift from release {first.Release!.Id}", second.Reasons);
        Assert.Contains($"register: live serves {stray}, the release recorded version {first.Release.FunctionVersions["register"]}", console.Output);
        Assert.Contains("register: $LATEST holds code", console.Output);
        await AssertLiveRunsAsync(name, second.Release!.FunctionVersions["register"], manifest.Artifacts.Single().Sha256Base64);
        Assert.Equal(ProjectDeployOutcome.UpToDate, third.Outcome);
    }

    [Fact]
    public async Task New_code_left_on_LATEST_by_a_stopped_deploy_is_reported_and_put_back()
    {
        var (environment, manifest) = await DeployedAsync("staging");
        await DeployAsync(environment, manifest);
        var function = environment.Functions.Single();
        var name = function.FunctionName!; // the sample names its function in the template
        // What finding 6 left: $LATEST updated, never published, live still on the recorded version.
        await _cli.RunAsync("lambda", "update-function-code", "--function-name", name, "--zip-file", $"fileb://{OtherCode()}");

        var console = DeployTestKit.Console();
        var second = await DeployAsync(environment, manifest, console);

        Assert.Equal(ProjectDeployOutcome.Deployed, second.Outcome);
        Assert.Contains("register: $LATEST holds code", console.Output);
        Assert.Contains("that is not live", console.Output);
        var latest = await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", name);
        Assert.Equal(manifest.Artifacts.Single().Sha256Base64, latest.GetProperty("CodeSha256").GetString());
        await AssertLiveRunsAsync(name, second.Release!.FunctionVersions["register"], manifest.Artifacts.Single().Sha256Base64);
    }

    [Fact]
    public async Task A_stack_updated_behind_the_ledger_is_reported_and_deployed_over_and_an_untouched_one_is_up_to_date()
    {
        var (environment, manifest) = await DeployedAsync("prod");
        await DeployAsync(environment, manifest);
        var untouched = DeployTestKit.Console();
        var same = await DeployAsync(environment, manifest, untouched);
        var parameters = (await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", environment.StackName))
            .GetProperty("Stacks")[0].GetProperty("Parameters").EnumerateArray()
            .Select(p => p.GetProperty("ParameterKey").GetString() == "RegisterMemorySize"
                ? "ParameterKey=RegisterMemorySize,ParameterValue=1024"
                : $"ParameterKey={p.GetProperty("ParameterKey").GetString()},UsePreviousValue=true");
        await _cli.RunAsync(["cloudformation", "update-stack", "--stack-name", environment.StackName, "--use-previous-template",
            "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "--parameters", .. parameters]);

        var console = DeployTestKit.Console();
        var redeployed = await DeployAsync(environment, manifest, console);

        Assert.Equal(ProjectDeployOutcome.UpToDate, same.Outcome);
        Assert.Contains("up to date", untouched.Output);
        Assert.Contains("confirmed live", untouched.Output);
        Assert.Equal(ProjectDeployOutcome.Deployed, redeployed.Outcome);
        Assert.Contains($"stack {environment.StackName} is UPDATE_COMPLETE, the release left it CREATE_COMPLETE", console.Output);
        Assert.Contains("stack parameter RegisterMemorySize differs from the release's", console.Output);
        var memory = (await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", environment.StackName))
            .GetProperty("Stacks")[0].GetProperty("Parameters").EnumerateArray()
            .Single(p => p.GetProperty("ParameterKey").GetString() == "RegisterMemorySize").GetProperty("ParameterValue").GetString();
        Assert.Equal(environment.StackParameters["RegisterMemorySize"], memory);
        Assert.Equal(ProjectDeployOutcome.UpToDate, (await DeployAsync(environment, manifest)).Outcome);
    }

    private async Task AssertLiveRunsAsync(string functionName, string recordedVersion, string codeSha256)
    {
        var alias = await _cli.JsonAsync("lambda", "get-alias", "--function-name", functionName, "--name", "live");
        Assert.Equal(recordedVersion, alias.GetProperty("FunctionVersion").GetString());
        var served = await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", functionName, "--qualifier", recordedVersion);
        Assert.Equal(codeSha256, served.GetProperty("CodeSha256").GetString());
    }

    /// <summary>media-register resolved for <paramref name="env"/>, deployable on moto without approval or a traffic shift.</summary>
    private async Task<(ProjectEnvironment Environment, ArtifactManifest Manifest)> DeployedAsync(string env)
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environment = configuration.Resolve(env, ["media-register"]).Single() with
        {
            RequiresApproval = false, TerminationProtection = false, Rollout = Rollout.AllAtOnce,
        };
        return (environment, await _kit.PackageAndUploadAsync(_clients, environment));
    }

    private Task<ProjectDeployResult> DeployAsync(ProjectEnvironment environment, ArtifactManifest manifest, Spectre.Console.IAnsiConsole? console = null)
    {
        console ??= DeployTestKit.Console();
        return new ProjectDeployer(_clients, console, new ReleaseActor("tester", "test-host", 1), null, RepositoryFolders.Root)
            .DeployAsync(environment, manifest, new DeployOptions(), new ApprovalGate(console, approve: false, canPrompt: false), default);
    }

    private string OtherCode() => _kit.Zip($"other-{Guid.NewGuid():N}", "exports.handler = async () => ({ statusCode: 500 });\n").Path;

    public void Dispose()
    {
        _clients.Dispose();
        _kit.Dispose();
    }
}
