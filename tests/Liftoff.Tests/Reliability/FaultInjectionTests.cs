using Liftoff.Aws;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Tests.Aws;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Deploying;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Reliability;

/// <summary>
/// README "What Liftoff guarantees": a deploy of the three sample projects through a proxy that answers one request in
/// five with a fault (throttling, 500, 503, a reset connection, or an answer lost after the call took effect) succeeds,
/// and what must happen once happens once: one version published per function, one ledger record per project.
/// The samples' real templates and configuration; stand-in zips and sites (Package is tested on its own).
/// </summary>
public sealed class FaultInjectionTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private static readonly Fault[] Kinds = [Fault.Throttle, Fault.InternalError, Fault.Unavailable, Fault.Reset, Fault.LoseResponse];
    private static readonly string[] Samples = ["fraud-or-not", "media-register", "people-cards"];
    private readonly AwsCli _cli = new(moto);
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task A_deploy_of_the_three_samples_succeeds_with_one_request_in_five_failing_and_publishes_and_records_once()
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var projects = configuration.Resolve("dev", Samples);
        var manifest = await PackagedAsync(projects);
        await using var proxy = new FaultInjectingProxy(moto.Endpoint, FaultInjectingProxy.Spread(20, Kinds));
        using var clients = AwsClients.Create(new AwsConnection(moto.Region, proxy.Endpoint, null));
        var console = DeployTestKit.Console();
        var run = new DeployRun(_ => clients, console, new ReleaseActor("tester", "test-host", 1), null, RepositoryFolders.Root);

        var results = await run.RunAsync(projects, manifest, new DeployOptions(), new ApprovalGate(console, false, false), default);

        Assert.All(results, r => Assert.Equal(ProjectDeployOutcome.Deployed, r.Outcome));
        Assert.All(Kinds, kind => Assert.Contains(proxy.Log, r => r.Fault == kind));
        foreach (var project in projects)
        {
            var records = await new ReleaseLedger(clients.S3, project.ArtifactBucket).ListAsync(project.Project, "dev", 10, default);
            Assert.Equal(ReleaseStatus.Succeeded, Assert.Single(records).Status);
            foreach (var function in project.Functions)
            {
                var versions = await _cli.JsonAsync("lambda", "list-versions-by-function", "--function-name", function.FunctionName!);
                Assert.Equal(["$LATEST", "1"], versions.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()));
                var live = await _cli.JsonAsync("lambda", "get-alias", "--function-name", function.FunctionName!, "--name", "live");
                Assert.Equal("1", live.GetProperty("FunctionVersion").GetString());
            }
            var stack = await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", project.StackName);
            Assert.Equal("CREATE_COMPLETE", stack.GetProperty("Stacks")[0].GetProperty("StackStatus").GetString());
            if (project.FrontEnd is not null && manifest.FindFrontEnd(project.Project) is { } site)
            {
                var published = results.Single(r => r.Project == project.Project).FrontEnd!;
                var stored = await _cli.JsonAsync("s3api", "list-objects-v2", "--bucket", published.Bucket);
                Assert.Equal(site.Assets.Select(a => a.Path).Order(), stored.GetProperty("Contents").EnumerateArray().Select(o => o.GetProperty("Key").GetString()).Order());
            }
        }
    }

    /// <summary>Stand-in packages and sites for the projects, uploaded straight to moto (the proxy is for the deploy).</summary>
    private async Task<ArtifactManifest> PackagedAsync(IReadOnlyList<ProjectEnvironment> projects)
    {
        using var direct = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
        var manifests = new List<ArtifactManifest>();
        foreach (var project in projects) manifests.Add(await _kit.PackageAndUploadAsync(direct, project));
        return DeployTestKit.Merge(manifests);
    }

    public void Dispose() => _kit.Dispose();
}
