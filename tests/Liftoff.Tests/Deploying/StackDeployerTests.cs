using Liftoff.Aws;
using Liftoff.Deploying;
using Liftoff.Deploying.Stacks;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying;

/// <summary>Stack deploys through change sets against moto, read back with the AWS CLI.</summary>
public sealed class StackDeployerTests : IClassFixture<MotoFixture>, IDisposable
{
    private const string TableOnly = """
        Parameters:
          Project: {Type: String}
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub "${Project}-dynamodb-items"
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              KeySchema: [{AttributeName: id, KeyType: HASH}]
        Outputs:
          TableName: {Value: !Ref Table}
        """;

    private readonly MotoFixture _moto;
    private readonly AwsCli _cli;
    private readonly AwsClients _clients;
    private readonly DeployTestKit _kit = new();

    public StackDeployerTests(MotoFixture moto)
    {
        _moto = moto;
        _cli = new AwsCli(moto);
        _clients = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    }

    [Fact]
    public async Task First_deploy_creates_the_stack()
    {
        var console = DeployTestKit.Console();
        var template = await _kit.TemplateAsync("first.yaml", TableOnly);

        var result = await DeployTestKit.DeployStackAsync(Deployer(console), DeployTestKit.Deployment("first-dev", template, new() { ["Project"] = "first" }), new DeployOptions());

        Assert.Equal(StackDeployOutcome.Created, result.Outcome);
        Assert.Equal("CREATE_COMPLETE", await StackStatusAsync("first-dev"));
        var tables = await _cli.JsonAsync("dynamodb", "list-tables");
        Assert.Contains("first-dynamodb-items", tables.GetProperty("TableNames").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("Table", console.Output);
        Assert.Contains("CREATE_COMPLETE", console.Output);
    }

    [Fact]
    public async Task An_update_with_a_change_shows_it_and_applies_it()
    {
        await DeployAsync("update-dev", TableOnly, new() { ["Project"] = "update" });
        var console = DeployTestKit.Console();
        var template = await _kit.TemplateAsync("update2.yaml", WithQueue(TableOnly));

        var result = await DeployTestKit.DeployStackAsync(Deployer(console), DeployTestKit.Deployment("update-dev", template, new() { ["Project"] = "update" }), new DeployOptions());

        Assert.Equal(StackDeployOutcome.Updated, result.Outcome);
        var change = Assert.Single(result.Changes);
        Assert.Equal(("Add", "Queue", "AWS::SQS::Queue"), (change.Action, change.LogicalId, change.ResourceType));
        Assert.Equal("UPDATE_COMPLETE", await StackStatusAsync("update-dev"));
        Assert.Contains("Queue", await ResourcesAsync("update-dev"));
        Assert.Contains("AWS::SQS::Queue", console.Output);
    }

    [Fact]
    public async Task A_deploy_without_changes_reports_no_changes_and_leaves_no_change_set()
    {
        await DeployAsync("noop-dev", TableOnly, new() { ["Project"] = "noop" });
        var before = await ChangeSetsAsync("noop-dev");
        var console = DeployTestKit.Console();
        var template = await _kit.TemplateAsync("noop.yaml", TableOnly);

        var result = await DeployTestKit.DeployStackAsync(Deployer(console), DeployTestKit.Deployment("noop-dev", template, new() { ["Project"] = "noop" }), new DeployOptions());

        Assert.Equal(StackDeployOutcome.NoChanges, result.Outcome);
        Assert.Contains("no changes", console.Output);
        Assert.Equal(before, await ChangeSetsAsync("noop-dev"));
        Assert.Equal("CREATE_COMPLETE", await StackStatusAsync("noop-dev"));
    }

    [Fact]
    public async Task A_dry_run_shows_the_changes_deletes_the_change_set_and_changes_nothing()
    {
        await DeployAsync("dry-dev", TableOnly, new() { ["Project"] = "dry" });
        var before = await ChangeSetsAsync("dry-dev");
        var console = DeployTestKit.Console();
        var template = await _kit.TemplateAsync("dry.yaml", WithQueue(TableOnly));

        var result = await DeployTestKit.DeployStackAsync(Deployer(console), DeployTestKit.Deployment("dry-dev", template, new() { ["Project"] = "dry" }), new DeployOptions(DryRun: true));

        Assert.Equal(StackDeployOutcome.DryRun, result.Outcome);
        Assert.Contains("AWS::SQS::Queue", console.Output);
        Assert.Equal(before, await ChangeSetsAsync("dry-dev"));
        Assert.DoesNotContain("Queue", await ResourcesAsync("dry-dev"));
        var queues = await _cli.RunAsync("sqs", "list-queues");
        Assert.DoesNotContain("dry", queues);
    }

    [Fact]
    public async Task A_dry_run_of_a_new_stack_leaves_no_stack_behind()
    {
        var template = await _kit.TemplateAsync("drynew.yaml", TableOnly);

        var result = await DeployTestKit.DeployStackAsync(Deployer(DeployTestKit.Console()), DeployTestKit.Deployment("drynew-dev", template, new() { ["Project"] = "drynew" }), new DeployOptions(DryRun: true));

        Assert.Equal(StackDeployOutcome.DryRun, result.Outcome);
        var stacks = await _cli.RunAsync("cloudformation", "list-stacks");
        Assert.DoesNotContain("REVIEW_IN_PROGRESS", stacks);
    }

    [Fact]
    public async Task Outputs_fall_back_to_resources_when_the_stack_has_none()
    {
        await DeployAsync("outputs-dev", TableOnly, new() { ["Project"] = "outputs" });

        var outputs = await Deployer(DeployTestKit.Console()).ReadOutputsAsync("outputs-dev", default);

        // moto keeps no outputs for change-set stacks; AWS would answer from the output itself.
        Assert.Equal("outputs-dynamodb-items", outputs.Require("TableName", fallbackLogicalId: "Table"));
        Assert.Throws<DeployException>(() => outputs.Require("SiteBucket", "Site"));
    }

    [Fact]
    public async Task A_template_over_the_inline_limit_without_a_URL_is_refused_with_what_to_do()
    {
        var big = TableOnly + "\n" + string.Join("\n", Enumerable.Range(0, 3000).Select(i => $"# padding line {i:0000} to pass the inline limit"));
        var template = await _kit.TemplateAsync("big.yaml", big);

        var error = await Assert.ThrowsAsync<DeployException>(() => DeployTestKit.DeployStackAsync(Deployer(DeployTestKit.Console()), DeployTestKit.Deployment("big-dev", template, new() { ["Project"] = "big" }), new DeployOptions()));

        Assert.Contains("51,200", error.Message);
        Assert.Contains("big.yaml", error.Message);
    }

    private static string WithQueue(string template) => template.Replace("Outputs:", """
          Queue:
            Type: AWS::SQS::Queue
        Outputs:
        """);

    private StackDeployer Deployer(Spectre.Console.IAnsiConsole console) => new(_clients.CloudFormation, console);

    private async Task DeployAsync(string stack, string yaml, Dictionary<string, string> parameters)
    {
        var template = await _kit.TemplateAsync(stack + ".yaml", yaml);
        await DeployTestKit.DeployStackAsync(Deployer(DeployTestKit.Console()), DeployTestKit.Deployment(stack, template, parameters), new DeployOptions());
    }

    private async Task<string> StackStatusAsync(string stack) =>
        (await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", stack))
        .GetProperty("Stacks")[0].GetProperty("StackStatus").GetString()!;

    private async Task<List<string>> ResourcesAsync(string stack) =>
        (await _cli.JsonAsync("cloudformation", "describe-stack-resources", "--stack-name", stack))
        .GetProperty("StackResources").EnumerateArray().Select(r => r.GetProperty("LogicalResourceId").GetString()!).ToList();

    private async Task<string> ChangeSetsAsync(string stack) =>
        string.Join(",", (await _cli.JsonAsync("cloudformation", "list-change-sets", "--stack-name", stack))
            .GetProperty("Summaries").EnumerateArray().Select(s => s.GetProperty("ChangeSetName").GetString()));

    public void Dispose()
    {
        _clients.Dispose();
        _kit.Dispose();
    }
}
