using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Locking;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;
using Spectre.Console;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// A deploy that is stopped part way (issue 11, findings 4 and 6): by Ctrl-C or SIGTERM (its token cancelled), or killed
/// without a word (a record left in progress). A run whose lock is taken over: Reliability/LockContentionTests. Each test deploys
/// media-register to its own environment of this class's moto, stopped in process at a <see cref="DeployPoint"/>.
/// </summary>
public sealed class InterruptedDeployTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private static readonly ReleaseActor Tester = new("tester", "test-host", 1);
    private static readonly ReleaseActor Other = new("ci-bot", "runner-7", 99, "github-actions", "https://github.com/acme/liftoff/actions/runs/5");
    private readonly AwsCli _cli = new(moto);
    private readonly AwsClients _clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task Cancelled_during_the_traffic_shift_it_moves_traffic_back_releases_the_lock_and_records_what_it_left()
    {
        var (environment, manifest) = await PackagedAsync("dev", Rollout.Canary(10, 0));
        await DeployAsync(environment, manifest);
        var next = await _kit.PackageAndUploadAsync(_clients, environment, "return { statusCode: 201 };");
        var pause = new PauseAt(DeployPoint.DuringShift);
        using var cancel = new CancellationTokenSource();
        var console = DeployTestKit.Console();

        var deploy = DeployAsync(environment, next, console, pause, cancel.Token);
        await pause.Reached;
        var split = await _cli.JsonAsync("lambda", "get-alias", "--function-name", FunctionName(environment), "--name", "live");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deploy);

        Assert.True(split.GetProperty("RoutingConfig").GetProperty("AdditionalVersionWeights").EnumerateObject().Any(), "the shift had begun");
        Assert.Null(await Locks(environment).GetHolderAsync(environment.Project, environment.Environment, default));
        var record = (await LedgerOf(environment).ListAsync(environment.Project, environment.Environment, 1, default)).Single();
        Assert.Equal(ReleaseStatus.Cancelled, record.Status);
        Assert.Contains("Cancelled (Ctrl-C or SIGTERM) during the rollout phase", record.Error);
        var left = Assert.Single(record.LeftInFlight);
        Assert.Equal("register: $LATEST holds this release's code, but live still serves version 1 (the old code)", left);
        Assert.Contains(left, console.Output);
        var alias = await _cli.JsonAsync("lambda", "get-alias", "--function-name", FunctionName(environment), "--name", "live");
        Assert.Equal("1", alias.GetProperty("FunctionVersion").GetString());
    }

    [Fact]
    public async Task A_record_a_killed_run_left_in_progress_is_closed_by_the_next_run_with_what_it_found_live()
    {
        var (environment, manifest) = await PackagedAsync("prod");
        var live = await DeployAsync(environment, manifest);
        // A run killed right after it recorded its start: its lock ran out, its record still says in progress.
        var killed = await LedgerOf(environment).StartAsync(live.Release! with { Actor = Other }, default);
        var console = DeployTestKit.Console();

        var next = await DeployAsync(environment, manifest, console);

        Assert.Equal(ProjectDeployOutcome.UpToDate, next.Outcome);
        var closed = await LedgerOf(environment).GetAsync(environment.Project, environment.Environment, killed.Id, default);
        Assert.Equal(ReleaseStatus.Cancelled, closed!.Status);
        Assert.StartsWith("Interrupted:", closed.Error);
        Assert.Equal("tester@test-host (pid 1)", closed.ClosedBy);
        Assert.Equal([$"register: live serves version {live.Release!.FunctionVersions["register"]}, which this release published"], closed.LeftInFlight);
        Assert.Contains($"release {killed.Id} by ci-bot (github-actions) was interrupted", console.Output);
        Assert.Null(await Locks(environment).GetHolderAsync(environment.Project, environment.Environment, default));
    }

    [Fact]
    public async Task A_record_in_progress_while_its_run_holds_the_lock_is_left_alone()
    {
        var (environment, manifest) = await PackagedAsync("local");
        var live = await DeployAsync(environment, manifest);
        await using var running = await Locks(environment).AcquireAsync(environment.Project, environment.Environment, Other, default);
        var deploying = await LedgerOf(environment).StartAsync(live.Release! with { Actor = Other }, default);
        var console = DeployTestKit.Console();

        var next = await DeployAsync(environment, manifest, console);

        Assert.Equal(ProjectDeployOutcome.UpToDate, next.Outcome);
        Assert.Contains($"release {deploying.Id} is being deployed now by ci-bot@runner-7", console.Output);
        var record = await LedgerOf(environment).GetAsync(environment.Project, environment.Environment, deploying.Id, default);
        Assert.Equal(ReleaseStatus.InProgress, record!.Status);
    }

    private Task<ProjectDeployResult> DeployAsync(
        ProjectEnvironment environment, ArtifactManifest manifest, IAnsiConsole? console = null, IDeployPause? pause = null,
        CancellationToken cancellationToken = default)
    {
        console ??= DeployTestKit.Console();
        return new ProjectDeployer(_clients, console, Tester, null, RepositoryFolders.Root, pause: pause)
            .DeployAsync(environment, manifest, new DeployOptions(), new ApprovalGate(console, approve: false, canPrompt: false), cancellationToken);
    }

    private async Task<(ProjectEnvironment Environment, ArtifactManifest Manifest)> PackagedAsync(string env, Rollout? rollout = null)
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environment = configuration.Resolve(env, ["media-register"]).Single() with
        {
            RequiresApproval = false, TerminationProtection = false, Rollout = rollout ?? Rollout.AllAtOnce, EndpointUrl = moto.Endpoint,
        };
        return (environment, await _kit.PackageAndUploadAsync(_clients, environment));
    }

    private static string FunctionName(ProjectEnvironment environment) => environment.Functions.Single().FunctionName!;

    private DeploymentLock Locks(ProjectEnvironment environment) =>
        new(_clients.S3, environment.ArtifactBucket, new DeploymentLockOptions { RenewEvery = null });

    private ReleaseLedger LedgerOf(ProjectEnvironment environment) => new(_clients.S3, environment.ArtifactBucket);

    public void Dispose()
    {
        _clients.Dispose();
        _kit.Dispose();
    }
}
