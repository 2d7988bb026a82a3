using System.Text.Json;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Releases;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;
using Liftoff.Uploading;

namespace Liftoff.Tests.Components;

/// <summary>The Releases target run in-process as ./build.sh would run it, against moto as the local AWS.</summary>
public sealed class ReleasesComponentTests : IClassFixture<MotoFixture>, IDisposable
{
    private readonly MotoFixture _moto;
    private readonly TempRepository _repository = ValidRepository.Create();

    public ReleasesComponentTests(MotoFixture moto)
    {
        _moto = moto;
        UseBucket("releases-component");
    }

    /// <summary>The local environment on this class's moto, with its artifact bucket named {prefix}-local.</summary>
    private void UseBucket(string prefix) => _repository.OnLocalAws(_moto.Endpoint, prefix + "-{env}");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Releases_prints_a_table_of_each_projects_releases_newest_first()
    {
        Assert.Contains("shop in local: no releases yet.", (await RunAsync("Releases --env local")).Output);
        using var s3 = MotoS3.Client(_moto);
        await new ArtifactBucket(s3, "releases-component-local", _moto.Region).EnsureAsync(CancellationToken.None);
        var ledger = new ReleaseLedger(s3, "releases-component-local");
        var draft = new Release { Kind = ReleaseKind.Deploy, Project = "shop", Environment = "local", Actor = new ReleaseActor("alice", "laptop", 1) };
        var good = await ledger.CompleteAsync(await ledger.StartAsync(draft, CancellationToken.None) with
            { FunctionVersions = new Dictionary<string, string> { ["api"] = "3" } }, CancellationToken.None);
        var bad = await ledger.FailAsync(await ledger.StartAsync(draft, CancellationToken.None), "change set failed", CancellationToken.None);

        var run = await RunAsync("Releases --env local --project shop");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(good.Id, run.Output);
        Assert.Contains("api:3", run.Output);
        Assert.Contains("change set failed", run.Output);
        Assert.True(run.Output.IndexOf(bad.Id, StringComparison.Ordinal) < run.Output.IndexOf(good.Id, StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Releases_with_json_prints_only_the_releases_as_JSON_on_stdout_and_the_build_on_stderr()
    {
        UseBucket("releases-json");
        using var s3 = MotoS3.Client(_moto);
        await new ArtifactBucket(s3, "releases-json-local", _moto.Region).EnsureAsync(CancellationToken.None);
        var ledger = new ReleaseLedger(s3, "releases-json-local");
        var draft = new Release { Kind = ReleaseKind.Deploy, Project = "shop", Environment = "local", Actor = new ReleaseActor("alice", "laptop", 1) };
        var release = await ledger.CompleteAsync(await ledger.StartAsync(draft, CancellationToken.None), CancellationToken.None);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var invocation = new BuildInvocation("Releases --env local --json".Split(' '), new Dictionary<string, string>(), stdout, false, _repository.Root)
        {
            Error = stderr,
        };

        var exitCode = await new ReleasesBuild().RunAsync(invocation, [], CancellationToken.None);

        Assert.True(exitCode == 0, stderr.ToString());
        var releases = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal(release.Id, Assert.Single(releases.EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("Releases", stderr.ToString());
        Assert.Contains("Succeeded", stderr.ToString());
    }

    [Fact]
    public async Task Releases_without_env_says_which_parameter_is_missing()
    {
        var run = await RunAsync("Releases");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--env", run.Output);
    }

    private Task<(int ExitCode, string Output)> RunAsync(string commandLine) =>
        ComponentRun.RunAsync<ReleasesBuild>(_repository.Root, commandLine);

    private sealed class ReleasesBuild : LiftoffBuild, IReleases;
}
