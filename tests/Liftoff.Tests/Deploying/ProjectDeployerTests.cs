using Amazon.S3.Model;
using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Locking;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying;

/// <summary>A whole project deploy on moto: stack, rollout, ledger record; then the no-op fast path.</summary>
public sealed class ProjectDeployerTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private readonly AwsCli _cli = new(moto);
    private readonly AwsClients _clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task A_first_deploy_records_a_release_and_the_same_inputs_again_are_up_to_date()
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environment = configuration.Resolve("dev", ["people-cards"]).Single();
        var manifest = await PackageAndUploadAsync(environment);
        var console = DeployTestKit.Console();
        // A file of the project that git does not track yet: the commit alone cannot rebuild this release.
        var git = new GitRevision("0123456789abcdef0123456789abcdef01234567", "main") { Untracked = ["projects/people-cards/functions/users/src/new.ts"] };
        var deployer = new ProjectDeployer(_clients, console, new ReleaseActor("tester", "test-host", 1), git, RepositoryFolders.Root);
        var approval = new ApprovalGate(console, approve: false, canPrompt: false);

        var first = await deployer.DeployAsync(environment, manifest, new DeployOptions(), approval, default);
        var second = await deployer.DeployAsync(environment, manifest, new DeployOptions(), approval, default);

        Assert.Equal(ProjectDeployOutcome.Deployed, first.Outcome);
        Assert.Equal(ReleaseStatus.Succeeded, first.Release!.Status);
        Assert.True(first.Release.Git!.Dirty);
        Assert.Equal(ProjectDeployOutcome.UpToDate, second.Outcome);
        Assert.Equal(first.Release.Id, second.Release!.Id);
        var records = await _cli.JsonAsync("s3api", "list-objects-v2", "--bucket", environment.ArtifactBucket, "--prefix", $"releases/{environment.Project}/dev/");
        Assert.Single(records.GetProperty("Contents").EnumerateArray());
        foreach (var function in environment.Functions)
        {
            var live = await _cli.JsonAsync("lambda", "get-alias", "--function-name", function.FunctionName!, "--name", "live");
            Assert.Equal(first.Release.FunctionVersions[function.Name], live.GetProperty("FunctionVersion").GetString());
        }
        var stack = await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", environment.StackName);
        Assert.EndsWith("_COMPLETE", stack.GetProperty("Stacks")[0].GetProperty("StackStatus").GetString());
        // describe-stack-resources: moto answers the singular describe-stack-resource with a 500.
        var site = (await _cli.JsonAsync("cloudformation", "describe-stack-resources", "--stack-name", environment.StackName))
            .GetProperty("StackResources").EnumerateArray()
            .Single(r => r.TryGetProperty("LogicalResourceId", out var id) && id.GetString() == environment.Outputs.SiteBucket!.LogicalId)
            .GetProperty("PhysicalResourceId").GetString()!;
        var page = await _cli.JsonAsync("s3api", "head-object", "--bucket", site, "--key", "index.html");
        Assert.Equal("text/html; charset=utf-8", page.GetProperty("ContentType").GetString());
        Assert.Equal(["app.css", "index.html"], first.Release.ChangedPaths);
    }

    [Fact]
    public async Task Projects_deploy_in_parallel_and_one_failing_does_not_stop_the_others()
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environments = configuration.Resolve("staging", ["media-register", "fraud-or-not"]);
        var mediaRegister = environments.Single(e => e.Project == "media-register");
        // fraud-or-not was never packaged: its deploy fails before touching AWS.
        var manifest = await PackageAndUploadAsync(mediaRegister);
        var console = DeployTestKit.Console();
        var run = new DeployRun(_ => _clients, console, new ReleaseActor("tester", "test-host", 1), null, RepositoryFolders.Root);

        var error = await Assert.ThrowsAsync<DeployRunFailedException>(() =>
            run.RunAsync(environments, manifest, new DeployOptions(), new ApprovalGate(console, false, false), default));

        Assert.Equal(["fraud-or-not"], error.Projects);
        Assert.Contains("no package for fraud-or-not", error.Message);
        var stack = await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", mediaRegister.StackName);
        Assert.EndsWith("_COMPLETE", stack.GetProperty("Stacks")[0].GetProperty("StackStatus").GetString());
        Assert.Contains("media-register", console.Output);
        Assert.Contains("deployed", console.Output);
        Assert.Contains("failed", console.Output);
    }

    [Fact]
    public async Task Approval_required_without_approve_in_CI_stops_records_why_and_changes_nothing()
    {
        // An environment that asks for approval, deployed without a terminal (CI) and without --approve.
        var (environment, manifest) = await PackagedAsync("media-register", requiresApproval: true);
        var console = DeployTestKit.Console();

        var error = await Assert.ThrowsAsync<ApprovalRequiredException>(() => Deployer(console).DeployAsync(
            environment, manifest, new DeployOptions(), new ApprovalGate(console, approve: false, canPrompt: false), default));

        Assert.Contains("--approve", error.Message);
        var stacks = (await _cli.JsonAsync("cloudformation", "list-stacks")).GetProperty("StackSummaries").EnumerateArray();
        Assert.DoesNotContain(stacks, s => s.GetProperty("StackName").GetString() == environment.StackName
                                            && s.GetProperty("StackStatus").GetString() != "DELETE_COMPLETE");
        var release = Assert.Single(await new ReleaseLedger(_clients.S3, environment.ArtifactBucket)
            .ListAsync(environment.Project, environment.Environment, 10, default));
        Assert.Equal(ReleaseStatus.Failed, release.Status);
        Assert.Contains("requires approval", release.Error);
    }

    [Fact]
    public async Task Approval_given_at_the_prompt_executes()
    {
        var (environment, manifest) = await PackagedAsync("fraud-or-not", requiresApproval: true);
        var console = DeployTestKit.Console();
        console.Profile.Capabilities.Interactive = true;
        console.Input.PushTextWithEnter("y");

        var result = await Deployer(console).DeployAsync(
            environment, manifest, new DeployOptions(), new ApprovalGate(console, approve: false, canPrompt: true), default);

        Assert.Equal(ProjectDeployOutcome.Deployed, result.Outcome);
        Assert.Contains($"Execute these changes to {environment.StackName}", console.Output);
        var stack = await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", environment.StackName);
        Assert.EndsWith("_COMPLETE", stack.GetProperty("Stacks")[0].GetProperty("StackStatus").GetString());
    }

    [Fact]
    public async Task Force_unlock_takes_the_lock_over_first_says_whose_it_was_and_releases_it_after()
    {
        var (environment, manifest) = await PackagedAsync("media-register");
        var locks = new DeploymentLock(_clients.S3, environment.ArtifactBucket, new DeploymentLockOptions { RenewEvery = null });
        // A crashed run's lock: taken and never released.
        _ = await locks.AcquireAsync(environment.Project, environment.Environment, new ReleaseActor("crashed", "ci-runner", 42), default);
        var console = DeployTestKit.Console();
        var run = new DeployRun(_ => _clients, console, new ReleaseActor("tester", "test-host", 1), null, RepositoryFolders.Root);

        await run.RunAsync([environment], manifest, new DeployOptions(DryRun: true, ForceUnlock: true), new ApprovalGate(console, false, false), default);

        Assert.Contains("media-register: --force-unlock broke the live lease of crashed@ci-runner", console.Output);
        Assert.Null(await locks.GetHolderAsync(environment.Project, environment.Environment, default));
    }

    [Fact]
    public async Task A_package_missing_from_the_bucket_is_sent_before_the_deploy()
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environment = configuration.Resolve("staging", ["people-cards"]).Single();
        var manifest = await PackageAndUploadAsync(environment);
        var package = manifest.Find(environment.Project, environment.Functions.Single().Name)!;
        // Deleted by hand, or a local AWS restarted empty: Upload, trusting its record, would not send it again.
        await _cli.RunAsync("s3api", "delete-object", "--bucket", environment.ArtifactBucket, "--key", package.ObjectKey);
        var console = DeployTestKit.Console();

        var result = await Deployer(console).DeployAsync(environment, manifest, new DeployOptions(), new ApprovalGate(console, false, false), default);

        Assert.Equal(ProjectDeployOutcome.Deployed, result.Outcome);
        Assert.Contains($"{package.ObjectKey} was not in s3://{environment.ArtifactBucket}", console.Output);
        var stored = await _cli.JsonAsync("s3api", "head-object", "--bucket", environment.ArtifactBucket, "--key", package.ObjectKey);
        Assert.Equal(package.Size, stored.GetProperty("ContentLength").GetInt64());
    }

    private ProjectDeployer Deployer(Spectre.Console.IAnsiConsole console) =>
        new(_clients, console, new ReleaseActor("tester", "test-host", 1), null, RepositoryFolders.Root);

    /// <summary>The project resolved for dev from the repository's configuration, packaged and uploaded.</summary>
    private async Task<(ProjectEnvironment Environment, ArtifactManifest Manifest)> PackagedAsync(string project, bool requiresApproval = false)
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environment = configuration.Resolve("dev", [project]).Single() with { RequiresApproval = requiresApproval };
        return (environment, await PackageAndUploadAsync(environment));
    }

    private Task<ArtifactManifest> PackageAndUploadAsync(ProjectEnvironment environment) => _kit.PackageAndUploadAsync(_clients, environment);

    public void Dispose()
    {
        _clients.Dispose();
        _kit.Dispose();
    }
}
