using Liftoff.Ci.GitHub;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Stacks;
using Liftoff.Releases;
using Liftoff.Tests.Configuration;
using Spectre.Console.Testing;

namespace Liftoff.Tests.Ci.GitHub;

/// <summary>
/// Deploy's GitHub report against the fake GitHub (FakeGitHub names the documentation page of each endpoint):
/// deployments and their statuses, the single pull-request comment, and GitHub refusing or gone.
/// </summary>
public sealed class GitHubDeployReportTests : IAsyncLifetime, IDisposable
{
    private const string Token = "ghs_fakeTokenThatMustNeverBePrinted0123";
    private const string Sha = "4f9c2a1b7e5d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";
    private readonly FakeGitHub _github = new();
    private readonly TempRepository _repository = ValidRepository.Create("shop")
        .Write("projects/cards/project.yaml", ValidRepository.Project)
        .Write("projects/cards/template.yaml", ValidRepository.Template)
        .Write("projects/cards/api/index.js", "exports.handler = async () => ({ statusCode: 200 });\n");
    private readonly TestConsole _console = new TestConsole().Width(250);
    private IReadOnlyList<ProjectEnvironment> _projects = [];

    public async Task InitializeAsync() =>
        _projects = (await ConfigurationLoader.LoadAsync(_repository.Root, CancellationToken.None)).Resolve("dev", null);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _github.Dispose();
        _repository.Dispose();
    }

    private GitHubContext Context(int? pullRequest = null) =>
        GitHubContext.Create(_github.Repository, Token, _github.ApiUrl, Sha, "https://github.com/acme/shop/actions/runs/77", pullRequest)!;

    private GitHubDeployReport Report(GitHubContext? context) =>
        new(context, _console, onGitHubActions: true, (project, _) => Task.FromResult<string?>($"https://{project.Project}.example.com/"));

    private static ProjectDeployResult Deployed(string project) => new(project, "dev", ProjectDeployOutcome.Deployed, ["artifacts changed"],
        Release: new Release { Id = $"20261130T100000Z-{project}", Kind = ReleaseKind.Deploy, Project = project, Environment = "dev", Actor = new ReleaseActor("ci", "runner", 1) });

    private static ProjectDeployResult Planned(string project, params StackChange[] changes) =>
        new(project, "dev", ProjectDeployOutcome.DryRun, ["template changed"],
            new StackDeployResult($"{project}-dev", StackDeployOutcome.DryRun, changes, "liftoff-plan", null));

    [Fact]
    public async Task Each_project_gets_a_deployment_in_progress_then_success_with_the_environment_and_log_urls()
    {
        var results = await Report(Context()).RunAsync(_projects, "deploy", dryRun: false,
            () => Task.FromResult<IReadOnlyList<ProjectDeployResult>>([Deployed("cards"), Deployed("shop")]), CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.True(_github.Deployments.Count == 2, _console.Output);
        Assert.Equal(["cards-dev", "shop-dev"], _github.Deployments.Select(d => d["environment"]!.GetValue<string>()).Order());
        foreach (var deployment in _github.Deployments)
        {
            Assert.Equal(Sha, deployment["ref"]!.GetValue<string>());
            Assert.False(deployment["auto_merge"]!.GetValue<bool>());
            Assert.Empty(deployment["required_contexts"]!.AsArray());
            Assert.Equal(["in_progress", "success"], _github.StatesOf(deployment));
            var success = deployment["statuses"]![1]!;
            Assert.Equal("https://github.com/acme/shop/actions/runs/77", success["log_url"]!.GetValue<string>());
            Assert.Matches("^https://(cards|shop)\\.example\\.com/$", success["environment_url"]!.GetValue<string>());
        }
        Assert.All(_github.AuthorizationHeaders, h => Assert.Contains(Token, h));
        Assert.DoesNotContain(Token, _console.Output);
    }

    [Fact]
    public async Task A_failed_project_gets_a_failure_status_with_its_reason_and_the_other_success()
    {
        var failure = new DeployRunFailedException(["cards"], [new DeployException("change set failed: ApiFunction CREATE_FAILED")])
            { Succeeded = [Deployed("shop")] };

        await Assert.ThrowsAsync<DeployRunFailedException>(() => Report(Context()).RunAsync(_projects, "deploy", false,
            () => Task.FromException<IReadOnlyList<ProjectDeployResult>>(failure), CancellationToken.None));

        var cards = _github.Deployments.Single(d => d["environment"]!.GetValue<string>() == "cards-dev");
        Assert.Equal(["in_progress", "failure"], _github.StatesOf(cards));
        Assert.Equal("change set failed: ApiFunction CREATE_FAILED", cards["statuses"]![1]!["description"]!.GetValue<string>());
        Assert.Equal(["in_progress", "success"], _github.StatesOf(_github.Deployments.Single(d => d["environment"]!.GetValue<string>() == "shop-dev")));
    }

    [Fact]
    public async Task A_dry_run_on_a_pull_request_posts_one_comment_and_updates_it_on_the_next_run()
    {
        var report = Report(Context(pullRequest: 12));

        await report.RunAsync(_projects, "deploy", dryRun: true, () => Task.FromResult<IReadOnlyList<ProjectDeployResult>>(
            [Planned("shop", new StackChange("Add", "ApiFunction", "AWS::Lambda::Function", null)), Planned("cards")]), CancellationToken.None);
        await report.RunAsync(_projects, "deploy", dryRun: true, () => Task.FromResult<IReadOnlyList<ProjectDeployResult>>(
            [Planned("shop", new StackChange("Modify", "Site", "AWS::S3::Bucket", "True")), Planned("cards")]), CancellationToken.None);

        var comment = Assert.Single(_github.Comments);
        var body = comment["body"]!.GetValue<string>();
        Assert.Equal(12, comment["issue"]!.GetValue<int>());
        Assert.StartsWith(PullRequestComment.Marker("deploy-preview:dev"), body);
        Assert.Contains("| Modify | Site | AWS::S3::Bucket | **True** |", body);
        Assert.DoesNotContain("ApiFunction", body);
        Assert.Contains("| cards | no resource changes (template changed) |", body);
        Assert.Contains("Commit 4f9c2a1", body);
        Assert.Empty(_github.Deployments);
    }

    [Fact]
    public async Task A_403_from_GitHub_warns_and_the_deploy_result_stands()
    {
        _github.RefuseEverything();

        var results = await Report(Context()).RunAsync(_projects, "deploy", false,
            () => Task.FromResult<IReadOnlyList<ProjectDeployResult>>([Deployed("cards"), Deployed("shop")]), CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.Contains("GitHub: could not create a deployment for cards in dev: 403 Forbidden (Resource not accessible by integration)", _console.Output);
        Assert.Contains("::warning title=GitHub::GitHub: could not create a deployment for cards in dev", _console.Output);
        Assert.Contains("The deploy goes on without it.", _console.Output);
        Assert.DoesNotContain(Token, _console.Output);
    }

    [Fact]
    public async Task A_GitHub_outage_warns_and_the_dry_run_result_stands()
    {
        _github.GoDown();

        var results = await Report(Context(pullRequest: 3)).RunAsync(_projects, "deploy", true,
            () => Task.FromResult<IReadOnlyList<ProjectDeployResult>>([Planned("shop")]), CancellationToken.None);

        Assert.Single(results);
        Assert.Contains("GitHub: could not read the comments of pull request #3", _console.Output);
    }

    [Fact]
    public async Task Without_a_token_or_repository_GitHub_is_left_alone()
    {
        Assert.Null(GitHubContext.Create(_github.Repository, token: null, _github.ApiUrl, Sha, null, null));
        Assert.Null(GitHubContext.Create(repository: "", Token, _github.ApiUrl, Sha, null, null));

        var results = await Report(null).RunAsync(_projects, "deploy", false,
            () => Task.FromResult<IReadOnlyList<ProjectDeployResult>>([Deployed("shop")]), CancellationToken.None);

        Assert.Single(results);
        Assert.Empty(_github.Deployments);
    }

    [Fact]
    public void The_context_never_prints_its_token()
    {
        var context = Context();

        Assert.DoesNotContain(Token, context.ToString());
        Assert.Equal(Token, context.Token());
        Assert.Throws<ArgumentException>(() => GitHubContext.Create("not a repository", Token, null, null, null, null));
    }
}
