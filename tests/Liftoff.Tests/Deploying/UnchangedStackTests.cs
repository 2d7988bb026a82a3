using System.Security.Cryptography;
using System.Text.Json;
using Liftoff.Aws;
using Liftoff.Ci.GitHub;
using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.RollingBack;
using Liftoff.Deploying.Stacks;
using Liftoff.Packaging;
using Liftoff.Releases;
using Liftoff.Tests.Aws;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// No change set when the stack would not change (issue 14): a deploy whose template and parameters are the live release's,
/// to a stack as that release left it, leaves the stack alone; anything else still goes through a change set. Every request
/// goes through a logging proxy in front of this class's moto, so the tests count the change sets made. Each test deploys
/// people-cards to its own environment; changes behind the ledger's back are made with the AWS CLI.
/// </summary>
public sealed class UnchangedStackTests(MotoFixture moto) : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private readonly AwsCli _cli = new(moto);
    private readonly LoggedAws _aws = new(moto);
    private readonly DeployTestKit _kit = new();

    [Fact]
    public async Task A_front_end_only_change_makes_no_change_set_asks_no_approval_publishes_the_site_and_records_the_stack_unchanged()
    {
        // An environment that asks for approval of stack changes: the first deploy is approved, the second is not asked.
        var (environment, manifest) = await PackagedAsync("dev", requiresApproval: true);
        var first = await DeployAsync(environment, manifest, approve: true);
        var changed = WithPage(environment, manifest, "<h1>people, restyled</h1>");
        var before = ChangeSetCalls();
        var console = DeployTestKit.Console();

        var second = await DeployAsync(environment, changed, console: console);

        Assert.Equal(ProjectDeployOutcome.Deployed, second.Outcome);
        Assert.Equal((0, 0), Minus(ChangeSetCalls(), before));
        Assert.Equal(StackDeployOutcome.Unchanged, second.Stack!.Outcome);
        Assert.Contains($"{environment.StackName}: unchanged, no change set made (template and parameters as release {first.Release!.Id}, " +
                        "stack unchanged since (CREATE_COMPLETE, last changed", console.Output);
        Assert.DoesNotContain("Execute these changes", console.Output);
        Assert.Equal(["index.html"], second.Release!.ChangedPaths);
        var site = await SiteBucketAsync(environment);
        Assert.Equal("<h1>people, restyled</h1>", await _cli.RunAsync("s3", "cp", $"s3://{site}/index.html", "-"));
        var record = await RecordAsync(environment, second.Release.Id);
        Assert.Equal(first.Release.Id, record.GetProperty("stack").GetProperty("unchangedSince").GetString());
        Assert.Equal(first.Release.TemplateSha256, record.GetProperty("templateSha256").GetString());
        Assert.False((await RecordAsync(environment, first.Release.Id)).GetProperty("stack").TryGetProperty("unchangedSince", out _));
    }

    [Fact]
    public async Task A_dry_run_of_a_front_end_only_change_previews_the_stack_as_unchanged_without_a_change_set()
    {
        var (environment, manifest) = await PackagedAsync("staging");
        await DeployAsync(environment, manifest);
        var changed = WithPage(environment, manifest, "<h1>people, previewed</h1>");
        var before = ChangeSetCalls();
        var console = DeployTestKit.Console();

        var preview = await DeployAsync(environment, changed, new DeployOptions(DryRun: true), console: console);

        Assert.Equal(ProjectDeployOutcome.DryRun, preview.Outcome);
        Assert.Equal((0, 0), Minus(ChangeSetCalls(), before));
        Assert.Contains($"{environment.StackName}: unchanged", console.Output);
        var markdown = DeployPreviewMarkdown.Render(environment.Environment, new GitHubContext("o", "r", "https://api.github.com", null, null, 1), [preview],
            new Dictionary<string, string>());
        Assert.Contains("| people-cards | stack unchanged, no change set (front-end files) |", markdown);
    }

    [Fact]
    public async Task A_template_change_still_makes_and_executes_a_change_set()
    {
        var (environment, manifest) = await PackagedAsync("prod");
        var first = await DeployAsync(environment, manifest);
        var changed = environment with { TemplatePath = await TemplateWithOutputAsync(environment, "Revision", "two") };
        var before = ChangeSetCalls();

        var second = await DeployAsync(changed, manifest);

        Assert.Contains("template", second.Reasons);
        Assert.Equal((1, 1), Minus(ChangeSetCalls(), before));
        Assert.Equal(StackDeployOutcome.Updated, second.Stack!.Outcome);
        Assert.NotEqual(first.Release!.TemplateSha256, second.Release!.TemplateSha256);
        Assert.Contains("Revision", await LiveTemplateAsync(environment));
        Assert.False((await RecordAsync(environment, second.Release.Id)).GetProperty("stack").TryGetProperty("unchangedSince", out _));
    }

    /// <summary>
    /// The release before the change left the stack UPDATE_COMPLETE, and moto never sets LastUpdatedTime: a template changed
    /// with update-stack shows nowhere but in GetTemplate (on AWS, LastUpdatedTime moves too). A parameter changed with
    /// --use-previous-template shows in the reality check as well.
    /// </summary>
    [Theory]
    [InlineData("template")]
    [InlineData("parameter")]
    public async Task A_stack_updated_behind_the_ledger_still_gets_a_change_set_that_puts_it_back(string what)
    {
        var env = what == "template" ? "local" : "dev2";
        var (environment, manifest) = await PackagedAsync(env);
        await DeployAsync(environment, manifest);
        environment = environment with { TemplatePath = await TemplateWithOutputAsync(environment, "Revision", "two") };
        await DeployAsync(environment, manifest);
        var ours = await LiveTemplateAsync(environment);
        if (what == "template") await UpdateTemplateBehindTheLedgerAsync(environment, ours);
        else await UpdateParameterBehindTheLedgerAsync(environment, "UsersArchitecture", "x86_64");
        var changed = WithPage(environment, manifest, "<h1>people, once more</h1>");
        var before = ChangeSetCalls();

        var third = await DeployAsync(environment, changed);

        Assert.Equal(1, Minus(ChangeSetCalls(), before).Created);
        Assert.NotEqual(StackDeployOutcome.Unchanged, third.Stack!.Outcome);
        Assert.Equal(ours.Trim(), (await LiveTemplateAsync(environment)).Trim());
        Assert.Equal(environment.StackParameters["UsersArchitecture"], (await StackParametersAsync(environment))["UsersArchitecture"]);
    }

    [Fact]
    public async Task Rollback_to_a_release_that_made_no_change_set_restores_its_template_by_the_recorded_hash()
    {
        var (environment, manifest) = await PackagedAsync("rollback");
        var first = await DeployAsync(environment, manifest);
        var restyled = WithPage(environment, manifest, "<h1>people, restyled</h1>");
        var skipped = await DeployAsync(environment, restyled);
        var revised = environment with { TemplatePath = await TemplateWithOutputAsync(environment, "Revision", "two") };
        await DeployAsync(revised, restyled);
        Assert.Contains("Revision", await LiveTemplateAsync(environment));
        var console = DeployTestKit.Console();

        var rolledBack = await new ReleaseRollback(_aws.Clients, console, new ReleaseActor("tester", "test-host", 1))
            .RollBackAsync(environment, RollbackTarget.Release(skipped.Release!.Id), "back to the restyle", new RollbackOptions(new ApprovalGate(console, true, false)), default);

        Assert.Equal(StackDeployOutcome.Unchanged, skipped.Stack!.Outcome);
        Assert.Equal(first.Release!.TemplateSha256, rolledBack.Record!.TemplateSha256);
        Assert.DoesNotContain("Revision", await LiveTemplateAsync(environment));
        Assert.Equal("<h1>people, restyled</h1>", await _cli.RunAsync("s3", "cp", $"s3://{await SiteBucketAsync(environment)}/index.html", "-"));
    }

    [Fact]
    public async Task Force_makes_a_change_set_even_when_nothing_changed()
    {
        var (environment, manifest) = await PackagedAsync("test");
        await DeployAsync(environment, manifest);
        var before = ChangeSetCalls();

        var forced = await DeployAsync(environment, manifest, new DeployOptions(Force: true));

        Assert.Equal(ProjectDeployOutcome.Deployed, forced.Outcome);
        Assert.Equal(1, Minus(ChangeSetCalls(), before).Created);
        Assert.Equal(StackDeployOutcome.NoChanges, forced.Stack!.Outcome);
    }

    private (int Created, int Executed) ChangeSetCalls() => (_aws.Proxy.ReachedMoto("CreateChangeSet"), _aws.Proxy.ReachedMoto("ExecuteChangeSet"));

    private static (int Created, int Executed) Minus((int Created, int Executed) after, (int Created, int Executed) before) =>
        (after.Created - before.Created, after.Executed - before.Executed);

    /// <summary>people-cards resolved for <paramref name="env"/> (its own stack and bucket), deployable on moto at once, packaged and uploaded.</summary>
    private async Task<(ProjectEnvironment Environment, ArtifactManifest Manifest)> PackagedAsync(string env, bool requiresApproval = false)
    {
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, default);
        var dev = configuration.Resolve("dev", ["people-cards"]).Single();
        var bucket = $"liftoff-artifacts-skip-{env}";
        // The template names things after its Environment parameter: so must the functions the deploy looks for.
        var environment = dev with
        {
            Environment = env,
            StackName = $"people-cards-{env}",
            ArtifactBucket = bucket,
            RequiresApproval = requiresApproval,
            TerminationProtection = false,
            Rollout = Rollout.AllAtOnce,
            StackParameters = dev.StackParameters.ToDictionary(p => p.Key, p => p.Key switch
            {
                "Environment" => env,
                "ArtifactBucket" => bucket,
                _ => p.Value,
            }),
            Functions = dev.Functions.Select(f => f with { FunctionName = f.FunctionName?.Replace("-dev-", $"-{env}-") }).ToList(),
        };
        return (environment, await _kit.PackageAndUploadAsync(_aws.Clients, environment));
    }

    private Task<ProjectDeployResult> DeployAsync(
        ProjectEnvironment environment, ArtifactManifest manifest, DeployOptions? options = null, bool approve = false,
        Spectre.Console.IAnsiConsole? console = null)
    {
        console ??= DeployTestKit.Console();
        return new ProjectDeployer(_aws.Clients, console, new ReleaseActor("tester", "test-host", 1), null, RepositoryFolders.Root)
            .DeployAsync(environment, manifest, options ?? new DeployOptions(), new ApprovalGate(console, approve, canPrompt: false), default);
    }

    /// <summary>The same packages with the site's index.html rewritten: a front-end-only change.</summary>
    private static ArtifactManifest WithPage(ProjectEnvironment environment, ArtifactManifest manifest, string html)
    {
        var site = manifest.FindFrontEnd(environment.Project)!;
        var path = Path.Combine(site.SourceDirectory, "index.html");
        File.WriteAllText(path, html);
        var bytes = File.ReadAllBytes(path);
        var assets = site.Assets
            .Select(a => a.Path == "index.html" ? a with { Sha256Hex = Convert.ToHexStringLower(SHA256.HashData(bytes)), Size = bytes.Length } : a)
            .ToList();
        return new ArtifactManifest(manifest.Artifacts, [site with { Assets = assets }]);
    }

    /// <summary>A copy of the project's template with one more output: a change to the template alone.</summary>
    private async Task<string> TemplateWithOutputAsync(ProjectEnvironment environment, string name, string value)
    {
        var path = Path.Combine(_kit.Folder, $"template-{environment.Environment}-{name}.yaml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(environment.TemplatePath)).TrimEnd() + $"\n  {name}:\n    Value: {value}\n");
        return path;
    }

    private async Task UpdateTemplateBehindTheLedgerAsync(ProjectEnvironment environment, string template)
    {
        var path = Path.Combine(_kit.Folder, $"behind-{environment.Environment}.yaml");
        await File.WriteAllTextAsync(path, template.TrimEnd() + "\n  ChangedBehind:\n    Value: by hand\n");
        var parameters = await AsTheyAreAsync(environment);
        await _cli.RunAsync(["cloudformation", "update-stack", "--stack-name", environment.StackName, "--template-body", $"file://{path}",
            "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "--parameters", .. parameters]);
        Assert.Contains("ChangedBehind", await LiveTemplateAsync(environment));
    }

    private async Task UpdateParameterBehindTheLedgerAsync(ProjectEnvironment environment, string name, string value)
    {
        var parameters = (await AsTheyAreAsync(environment)).Select(p => p.StartsWith($"ParameterKey={name},", StringComparison.Ordinal) ? $"ParameterKey={name},ParameterValue={value}" : p);
        await _cli.RunAsync(["cloudformation", "update-stack", "--stack-name", environment.StackName, "--use-previous-template",
            "--capabilities", "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "--parameters", .. parameters]);
        Assert.Equal(value, (await StackParametersAsync(environment))[name]);
    }

    /// <summary>Every parameter with the value it has (moto 5.2.1 fails UsePreviousValue for one never given a value: a 500).</summary>
    private async Task<IEnumerable<string>> AsTheyAreAsync(ProjectEnvironment environment) =>
        (await StackParametersAsync(environment)).Select(p => $"ParameterKey={p.Key},ParameterValue={p.Value}");

    private async Task<Dictionary<string, string>> StackParametersAsync(ProjectEnvironment environment) =>
        (await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", environment.StackName))
        .GetProperty("Stacks")[0].GetProperty("Parameters").EnumerateArray()
        .ToDictionary(p => p.GetProperty("ParameterKey").GetString()!, p => p.GetProperty("ParameterValue").GetString()!);

    private async Task<string> LiveTemplateAsync(ProjectEnvironment environment) =>
        (await _cli.JsonAsync("cloudformation", "get-template", "--stack-name", environment.StackName)).GetProperty("TemplateBody").ToString();

    private async Task<string> SiteBucketAsync(ProjectEnvironment environment) =>
        // describe-stack-resources: moto answers the singular describe-stack-resource with a 500.
        (await _cli.JsonAsync("cloudformation", "describe-stack-resources", "--stack-name", environment.StackName))
        .GetProperty("StackResources").EnumerateArray()
        .Single(r => r.TryGetProperty("LogicalResourceId", out var id) && id.GetString() == environment.Outputs.SiteBucket!.LogicalId)
        .GetProperty("PhysicalResourceId").GetString()!;

    private async Task<JsonElement> RecordAsync(ProjectEnvironment environment, string id) =>
        JsonDocument.Parse(await _cli.RunAsync("s3", "cp", $"s3://{environment.ArtifactBucket}/releases/{environment.Project}/{environment.Environment}/{id}.json", "-"))
            .RootElement.Clone();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _aws.DisposeAsync();
        _kit.Dispose();
    }

    /// <summary>Clients whose every request goes through a logging proxy in front of moto.</summary>
    private sealed class LoggedAws(MotoFixture moto) : IAsyncDisposable
    {
        public FaultInjectingProxy Proxy { get; } = new(moto.Endpoint, (_, _) => Fault.None);

        public AwsClients Clients => field ??= AwsClients.Create(new AwsConnection(moto.Region, Proxy.Endpoint, null));

        public async ValueTask DisposeAsync()
        {
            Clients.Dispose();
            await Proxy.DisposeAsync();
        }
    }
}
