using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Locking;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Tests.Aws;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Deploying;
using Liftoff.Tests.Support;
using Spectre.Console.Testing;

namespace Liftoff.Tests.Reliability;

/// <summary>
/// README "What Liftoff guarantees": two deploys of one project and environment at once, and a --force-unlock during a
/// live deploy: at most one run changes anything, and the other stops with a clear message. Each run talks to moto
/// through its own proxy, which counts the changes it let through. media-register, one environment per test.
/// </summary>
public sealed class LockContentionTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private static readonly ReleaseActor First = new("alice", "laptop", 4242);
    private static readonly ReleaseActor Second = new("ci-bot", "runner-7", 99, "github-actions", "https://github.com/acme/liftoff/actions/runs/5");
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task Of_two_deploys_started_together_one_deploys_and_the_other_changes_nothing_and_says_who_holds_the_lock()
    {
        var (environment, manifest) = await PackagedAsync("dev");
        await using var one = new Run(moto, First);
        await using var two = new Run(moto, Second);

        var results = await Task.WhenAll(Attempt(one), Attempt(two));

        var winner = Assert.Single(results, r => r.Result is not null);
        var loser = Assert.Single(results, r => r.Error is not null);
        Assert.Equal(ProjectDeployOutcome.Deployed, winner.Result!.Outcome);
        Assert.Empty(Changes.Of(loser.Run.Proxy.Log));
        Assert.NotEmpty(Changes.Of(winner.Run.Proxy.Log));
        Assert.Contains("media-register in dev is already being deployed by", loser.Error!.Message);
        Assert.Contains("--wait-for-lock", loser.Error.Message);
        var records = await new ReleaseLedger(one.Clients.S3, environment.ArtifactBucket).ListAsync(environment.Project, "dev", 10, default);
        Assert.Equal(ReleaseStatus.Succeeded, Assert.Single(records).Status);

        async Task<(Run Run, ProjectDeployResult? Result, Exception? Error)> Attempt(Run run)
        {
            try
            {
                return (run, (await run.DeployAsync(environment, manifest, new DeployOptions())).Single(), null);
            }
            catch (DeployRunFailedException e)
            {
                return (run, null, e.InnerException);
            }
        }
    }

    [Fact]
    public async Task A_deploy_that_waits_for_the_lock_finds_the_same_commit_deployed_and_changes_nothing()
    {
        var (environment, manifest) = await PackagedAsync("staging");
        await using var one = new Run(moto, First);
        await using var two = new Run(moto, Second);
        var pause = new PauseAt(DeployPoint.AfterUpload);

        var first = one.DeployAsync(environment, manifest, new DeployOptions(), pause);
        await pause.Reached;
        var second = two.DeployAsync(environment, manifest, new DeployOptions(WaitForLock: TimeSpan.FromMinutes(5)));
        await two.WaitingAsync();
        pause.Resume();
        var (deployed, waited) = ((await first).Single(), (await second).Single());

        Assert.Equal(ProjectDeployOutcome.Deployed, deployed.Outcome);
        Assert.Equal(ProjectDeployOutcome.UpToDate, waited.Outcome);
        Assert.Empty(Changes.Of(two.Proxy.Log));
        Assert.Contains("media-register: waiting for the lock held by alice@laptop", two.Console.Output);
    }

    [Fact]
    public async Task A_force_unlock_during_a_live_deploy_stops_that_deploy_before_its_next_change_and_deploys_alone()
    {
        var (environment, manifest) = await PackagedAsync("prod");
        await using var live = new Run(moto, First);
        await using var breaker = new Run(moto, Second);
        var pause = new PauseAt(DeployPoint.AfterChangeSet);
        var takerPause = new PauseAt(DeployPoint.AfterUpload);

        var stopped = live.DeployAsync(environment, manifest, new DeployOptions(), pause);
        await pause.Reached;
        var before = live.Proxy.Log.Count == 0 ? 0 : live.Proxy.Log.Max(r => r.Sequence);
        var taking = breaker.DeployAsync(environment, manifest, new DeployOptions(ForceUnlock: true), takerPause);
        await takerPause.Reached;
        // The live run goes on while the other holds the lock: its next change finds the lock taken.
        pause.Resume();
        var error = await Assert.ThrowsAsync<DeployRunFailedException>(() => stopped);
        takerPause.Resume();
        var taken = (await taking).Single();

        Assert.Equal(ProjectDeployOutcome.Deployed, taken.Outcome);
        Assert.Contains("media-register: --force-unlock broke the live lease of alice@laptop", breaker.Console.Output);
        var lost = Assert.IsType<DeploymentLockLostException>(error.InnerException);
        Assert.Contains("ci-bot@runner-7", lost.Message);
        Assert.Contains("took it over with --force-unlock", lost.Message);
        Assert.Contains($"stopped before executing the change set of stack {environment.StackName}", lost.Message);
        // After the takeover the stopped run tidied its own change set and closed its own record, and changed nothing else.
        var after = Changes.Of(live.Proxy.Log.Where(r => r.Sequence > before));
        Assert.True(after.All(r => r.Operation == "DeleteChangeSet" || r.Target.Contains("/releases/", StringComparison.Ordinal)),
            Changes.Describe(after));
        var records = await new ReleaseLedger(live.Clients.S3, environment.ArtifactBucket).ListAsync(environment.Project, "prod", 10, default);
        Assert.Equal([ReleaseStatus.Cancelled, ReleaseStatus.Succeeded], records.OrderBy(r => r.Actor.User).Select(r => r.Status));
        Assert.Contains("ci-bot@runner-7", records.Single(r => r.Status == ReleaseStatus.Cancelled).Error);
    }

    private async Task<(ProjectEnvironment Environment, ArtifactManifest Manifest)> PackagedAsync(string env)
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var environment = configuration.Resolve(env, ["media-register"]).Single() with
        {
            RequiresApproval = false, TerminationProtection = false, Rollout = Rollout.AllAtOnce,
        };
        using var direct = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
        return (environment, await _kit.PackageAndUploadAsync(direct, environment));
    }

    public void Dispose() => _kit.Dispose();

    /// <summary>One deploy run as one actor, with its own console and its own counting proxy in front of moto.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly ReleaseActor _actor;

        public Run(MotoFixture moto, ReleaseActor actor)
        {
            _actor = actor;
            Proxy = new FaultInjectingProxy(moto.Endpoint, (_, _) => Fault.None);
            Clients = AwsClients.Create(new AwsConnection(moto.Region, Proxy.Endpoint, null));
        }

        public FaultInjectingProxy Proxy { get; }
        public AwsClients Clients { get; }
        public TestConsole Console { get; } = DeployTestKit.Console();

        /// <summary>Completes once this run has said it waits for the lock (a wait on that line, failing after a minute).</summary>
        public async Task WaitingAsync()
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (!Console.Output.Contains("waiting for the lock", StringComparison.Ordinal))
                await Task.Delay(20, limit.Token);
        }

        public Task<IReadOnlyList<ProjectDeployResult>> DeployAsync(
            ProjectEnvironment environment, ArtifactManifest manifest, DeployOptions options, IDeployPause? pause = null)
        {
            var run = new DeployRun(_ => Clients, Console, _actor, null, RepositoryFolders.Root,
                lockOptions: new DeploymentLockOptions { WaitPoll = TimeSpan.FromMilliseconds(50) }, pause: pause);
            return run.RunAsync([environment], manifest, options, new ApprovalGate(Console, false, false), default);
        }

        public async ValueTask DisposeAsync()
        {
            Clients.Dispose();
            await Proxy.DisposeAsync();
        }
    }
}
