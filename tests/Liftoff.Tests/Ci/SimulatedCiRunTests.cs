using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Releases;
using Liftoff.Tests.Ci.GitHub;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Ci;

/// <summary>
/// Deploy run in-process as a CI service runs it: with GitHub Actions' or CodeBuild's documented variables set, against
/// moto as the AWS and the fake GitHub. What a user checks: the log's groups and annotations, the run's address and
/// commit in the ledger, the GitHub deployment.
/// </summary>
public sealed class SimulatedCiRunTests : IClassFixture<MotoFixture>, IDisposable
{
    private const string Sha = "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e";
    private const string Token = "ghs_simulatedRunTokenNeverPrinted42";
    private readonly MotoFixture _moto;
    private readonly TempRepository _repository = ValidRepository.Create();
    private readonly string _bucket = $"simulated-ci-{Guid.NewGuid():N}"[..40];
    private readonly FakeGitHub _github = new("acme/shop");

    public SimulatedCiRunTests(MotoFixture moto)
    {
        _moto = moto;
        _repository.OnLocalAws(moto.Endpoint, _bucket);
        // The function's role is made by the stack, since moto, like AWS, refuses a role Lambda cannot assume.
        _repository.Write("projects/shop/template.yaml", ValidRepository.TemplateWithRole);
    }

    public void Dispose()
    {
        _github.Dispose();
        _repository.Dispose();
    }

    [Fact]
    public async Task A_GitHub_Actions_run_shows_log_groups_records_its_run_in_the_ledger_and_a_deployment_on_GitHub()
    {
        var summary = Path.Combine(_repository.Root, "step-summary.md");
        var run = await RunAsync("Deploy --env local", InProcessEnvironment(
            ("GITHUB_ACTIONS", "true"), ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "acme/shop"),
            ("GITHUB_RUN_ID", "9001"), ("GITHUB_ACTOR", "octocat"), ("GITHUB_SHA", Sha), ("GITHUB_TOKEN", Token),
            ("GITHUB_API_URL", _github.ApiUrl), ("GITHUB_STEP_SUMMARY", summary)));

        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("::group::Deploy", lines);
        Assert.True(Array.IndexOf(lines, "::endgroup::", Array.IndexOf(lines, "::group::Deploy")) > 0, run.Output);
        var release = await LiveReleaseAsync();
        Assert.Equal("github-actions", release.Actor.CiProvider);
        Assert.Equal("octocat", release.Actor.User);
        Assert.Equal("https://github.com/acme/shop/actions/runs/9001", release.Actor.CiRunUrl);
        Assert.Equal(Sha, release.Actor.CiCommit);
        Assert.Equal(Sha, release.Git!.Commit);
        var deployment = Assert.Single(_github.Deployments);
        Assert.Equal("shop-local", deployment["environment"]!.GetValue<string>());
        Assert.Equal(["in_progress", "success"], _github.StatesOf(deployment));
        Assert.DoesNotContain(Token, run.Output);
    }

    [Fact]
    public async Task A_failing_target_on_GitHub_Actions_is_an_error_annotation()
    {
        // A handler that throws when loaded fails Package. (An unknown --project is a usage error before any target runs.)
        _repository.Write("projects/shop/api/index.js", "throw new Error('no database configured');\n");

        var run = await RunAsync("Deploy --env local", InProcessEnvironment(("GITHUB_ACTIONS", "true")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Output.ReplaceLineEndings("\n").Split('\n'),
            l => l.StartsWith("::error title=Target Package failed::", StringComparison.Ordinal) && l.Contains("no database configured"));
    }

    [Fact]
    public async Task A_CodeBuild_run_records_the_build_console_address_and_the_resolved_commit_in_the_ledger()
    {
        var run = await RunAsync("Deploy --env local", InProcessEnvironment(
            ("CODEBUILD_BUILD_ID", "liftoff-local:6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"), ("AWS_REGION", "us-east-1"),
            ("CODEBUILD_INITIATOR", "codepipeline/liftoff-local"), ("CODEBUILD_RESOLVED_SOURCE_VERSION", Sha)));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("::group::", run.Output);
        var release = await LiveReleaseAsync();
        Assert.Equal("codebuild", release.Actor.CiProvider);
        Assert.Equal("codepipeline/liftoff-local", release.Actor.User);
        Assert.Equal("https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/liftoff-local/build/" +
                     "liftoff-local%3A6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", release.Actor.CiRunUrl);
        Assert.Equal(Sha, release.Actor.CiCommit);
        Assert.Equal(Sha, release.Git!.Commit);
    }

    private async Task<Release> LiveReleaseAsync()
    {
        using var s3 = MotoS3.Client(_moto);
        return await new ReleaseLedger(s3, _bucket).LastSuccessfulAsync("shop", "local", CancellationToken.None)
               ?? throw new Xunit.Sdk.XunitException("no successful release in the ledger");
    }

    /// <summary>The CI's variables only: nothing of the test process's own environment leaks into the run.</summary>
    private static Dictionary<string, string> InProcessEnvironment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);

    private Task<(int ExitCode, string Output)> RunAsync(string commandLine, Dictionary<string, string> environment) =>
        ComponentRun.RunAsync<DeployBuild>(_repository.Root, commandLine, environment);

    private sealed class DeployBuild : LiftoffBuild, IDeploy;
}
