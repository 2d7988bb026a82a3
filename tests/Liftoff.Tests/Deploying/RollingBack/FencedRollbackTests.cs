using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Locking;
using Liftoff.Deploying.RollingBack;
using Liftoff.Releases;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying.RollingBack;

/// <summary>
/// A rollback is fenced by the lock it holds, as a deploy is (issue 11, finding 2): a rollback whose lock is taken over
/// after it started stops before its next change. media-register is deployed twice on this class's moto, then rolled
/// back under a lock that is lost once the rollback's record is written.
/// </summary>
public sealed class FencedRollbackTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private static readonly ReleaseActor Tester = new("tester", "test-host", 1);
    private readonly AwsCli _cli = new(moto);
    private readonly AwsClients _clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task A_rollback_whose_lock_is_taken_over_moves_no_alias_and_is_not_recorded_as_done()
    {
        var environment = await EnvironmentAsync();
        await DeployAsync(environment, await _kit.PackageAndUploadAsync(_clients, environment));
        await DeployAsync(environment, await _kit.PackageAndUploadAsync(_clients, environment, "return { statusCode: 201 };"));
        var ledger = new ReleaseLedger(_clients.S3, environment.ArtifactBucket);
        var (live, previous) = await RestorePoints.FindAsync(ledger, environment, RollbackTarget.Previous, default);
        var fence = new FenceLostAfter(checks: 1, environment);

        var rollback = new ReleaseRollback(_clients, DeployTestKit.Console(), Tester)
            .RestoreAsync(environment, live, previous, "testing the fence", RollbackOptions.Automatic(DeployTestKit.Console()), fence, default);

        await Assert.ThrowsAsync<DeploymentLockLostException>(() => rollback);
        Assert.Equal("recording the release as started", fence.Steps[0]);
        Assert.StartsWith("moving the alias live", fence.Steps[1]);
        var alias = await _cli.JsonAsync("lambda", "get-alias", "--function-name", environment.Functions.Single().FunctionName!, "--name", "live");
        Assert.Equal(live.FunctionVersions.Values.Single(), alias.GetProperty("FunctionVersion").GetString());
        var records = await ledger.ListAsync(environment.Project, environment.Environment, 5, default);
        Assert.DoesNotContain(records, r => r.Kind == ReleaseKind.Rollback && r.Status == ReleaseStatus.Succeeded);
    }

    private async Task<ProjectEnvironment> EnvironmentAsync()
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        return configuration.Resolve("dev", ["media-register"]).Single() with
        {
            RequiresApproval = false, TerminationProtection = false, Rollout = Rollout.AllAtOnce, EndpointUrl = moto.Endpoint,
        };
    }

    private async Task DeployAsync(ProjectEnvironment environment, Liftoff.Packaging.ArtifactManifest manifest)
    {
        var console = DeployTestKit.Console();
        var result = await new ProjectDeployer(_clients, console, Tester, null, RepositoryFolders.Root)
            .DeployAsync(environment, manifest, new DeployOptions(), new ApprovalGate(console, approve: false, canPrompt: false), default);
        Assert.Equal(ProjectDeployOutcome.Deployed, result.Outcome);
    }

    /// <summary>Held for the first <paramref name="checks"/> checks, then lost, as when another run takes the lock over; records each step it was asked about.</summary>
    private sealed class FenceLostAfter(int checks, ProjectEnvironment environment) : IDeploymentFence
    {
        public List<string> Steps { get; } = [];

        public bool IsLost => Steps.Count > checks;

        public ValueTask EnsureHeldAsync(string step, CancellationToken cancellationToken)
        {
            Steps.Add(step);
            return IsLost ? throw new DeploymentLockLostException(environment.Project, environment.Environment, step, null) : ValueTask.CompletedTask;
        }
    }

    public void Dispose()
    {
        _clients.Dispose();
        _kit.Dispose();
    }
}
