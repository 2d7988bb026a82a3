using System.Text.Json;
using Liftoff.Aws;
using Liftoff.Invoking.Http;
using Liftoff.Releases;

namespace Liftoff.Tests.Corpus;

/// <summary>
/// Projects shaped like the public serverless samples (SAM APIs, event-driven functions, Globals and layers, a plain
/// template, TypeScript), each with at most three lines of project.yaml, deploy as written: read back with the AWS CLI.
/// </summary>
public sealed class CorpusDeployTests(DeployedCorpus corpus) : IClassFixture<DeployedCorpus>
{
    [Fact]
    public void Every_project_of_the_corpus_deploys_and_then_is_up_to_date()
    {
        Assert.True(corpus.First.ExitCode == 0, corpus.First.Output);
        Assert.True(corpus.Second.ExitCode == 0, corpus.Second.Output);
        Assert.True(DeployedCorpus.Projects.Count >= 8);
        foreach (var project in DeployedCorpus.Projects)
        {
            Assert.Contains($"{project}: deploying (first release)", corpus.First.Output);
            Assert.Contains($"{project}: up to date", corpus.Second.Output);
        }
    }

    [Fact]
    public void Each_project_says_at_most_three_lines_in_project_yaml()
    {
        foreach (var project in DeployedCorpus.Projects)
        {
            var file = Path.Combine(DeployedCorpus.Source, project, "project.yaml");
            Assert.True(!File.Exists(file) || File.ReadAllLines(file).Count(l => l.Trim().Length > 0) <= 3, $"{project}/project.yaml is longer than three lines");
        }
    }

    [Fact]
    public async Task Every_function_serves_its_packaged_code_through_the_live_alias()
    {
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(corpus.Repository.Root, "artifacts", "manifest.json")));
        var packaged = manifest.RootElement.GetProperty("artifacts").EnumerateArray()
            .Select(a => (Project: a.GetProperty("project").GetString()!, Sha: a.GetProperty("sha256Base64").GetString()!)).ToList();
        foreach (var project in DeployedCorpus.Projects)
        {
            var functions = await ResourcesAsync(project, "AWS::Lambda::Function");
            Assert.NotEmpty(functions);
            foreach (var function in functions)
            {
                var live = await corpus.Cli.JsonAsync("lambda", "get-function-configuration", "--function-name", function, "--qualifier", "live");
                Assert.Contains((project, live.GetProperty("CodeSha256").GetString()!), packaged);
            }
        }
    }

    [Fact]
    public async Task Tables_of_the_templates_exist()
    {
        foreach (var project in new[] { "orders-api", "change-feed" })
        {
            var table = Assert.Single(await ResourcesAsync(project, "AWS::DynamoDB::Table"));
            var described = await corpus.Cli.JsonAsync("dynamodb", "describe-table", "--table-name", table);
            Assert.Equal("ACTIVE", described.GetProperty("Table").GetProperty("TableStatus").GetString());
        }
    }

    [Fact]
    public async Task Globals_project_yaml_settings_and_layers_reach_the_functions()
    {
        var scan = await ConfigurationAsync("upload-scanner", "ScanFunction");
        Assert.Equal(512, scan.GetProperty("MemorySize").GetInt32()); // project.yaml over the template's default
        var audit = await ConfigurationAsync("change-feed", "AuditFunction");
        Assert.Equal("full", audit.GetProperty("Environment").GetProperty("Variables").GetProperty("AUDIT_LEVEL").GetString());
        var restock = await ConfigurationAsync("inventory", "RestockFunction");
        Assert.Equal(256, restock.GetProperty("MemorySize").GetInt32()); // Globals
        Assert.Equal(60, restock.GetProperty("Timeout").GetInt32()); // its own, over Globals' 15
        Assert.Equal("5", restock.GetProperty("Environment").GetProperty("Variables").GetProperty("LOW_STOCK").GetString());
        Assert.Single(restock.GetProperty("Layers").EnumerateArray());
        var greeter = await ConfigurationAsync("http-greeter", "GreeterFunction");
        Assert.Equal(["arm64"], greeter.GetProperty("Architectures").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void CodeDeploy_shifts_the_alias_of_a_function_with_a_deployment_preference()
    {
        Assert.Contains("live on version 1, shifted by CodeDeploy", corpus.First.Output);
    }

    [Fact]
    public async Task The_local_AWS_got_the_SAM_template_expanded_and_the_release_records_it()
    {
        using var aws = AwsClients.Create(new AwsConnection("us-east-1", corpus.Endpoint, null));
        var live = await new ReleaseLedger(aws.S3, "corpus-artifacts-local").LastSuccessfulAsync("orders-api", DeployedCorpus.Environment, default);

        // What the local steps (routing a request, a smoke check) read: the stack's template, as the release recorded it.
        var template = await DeployedTemplate.ReadAsync(aws.CloudFormation, $"orders-api-{DeployedCorpus.Environment}", live, default);

        Assert.Null(template.Note);
        var resources = JsonDocument.Parse(template.Body).RootElement.GetProperty("Resources");
        var api = resources.GetProperty("ServerlessRestApi");
        Assert.Equal("AWS::ApiGateway::RestApi", api.GetProperty("Type").GetString());
        var integration = api.GetProperty("Properties").GetProperty("Body").GetProperty("paths").GetProperty("/orders")
            .GetProperty("get").GetProperty("x-amazon-apigateway-integration");
        Assert.Contains("OrdersFunctionAliaslive", integration.GetProperty("uri").ToString()); // the API calls the alias
    }

    [Fact]
    public async Task A_function_AWS_named_runs_locally_from_its_release()
    {
        var run = await corpus.RunAsync($"Invoke --env {DeployedCorpus.Environment} --project nightly-report --event-json {{\"time\":\"2026-01-02T02:00:00Z\"}}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("nightly-report-local-ReportFunction-", run.Output); // the name CloudFormation gave it
        Assert.Contains("\"day\": \"2026-01-01\"", run.Output);
    }

    private async Task<JsonElement> ConfigurationAsync(string project, string logicalId)
    {
        var name = (await StackResourcesAsync(project)).Single(r => r.LogicalId == logicalId).PhysicalId;
        return await corpus.Cli.JsonAsync("lambda", "get-function-configuration", "--function-name", name);
    }

    private async Task<IReadOnlyList<string>> ResourcesAsync(string project, string type) =>
        (await StackResourcesAsync(project)).Where(r => r.Type == type).Select(r => r.PhysicalId).ToList();

    private async Task<IReadOnlyList<(string LogicalId, string Type, string PhysicalId)>> StackResourcesAsync(string project)
    {
        // describe-stack-resources: moto answers the singular describe-stack-resource with a 500. Resources moto does
        // not create (an HTTP API, CodeDeploy) come back without ids.
        var resources = await corpus.Cli.JsonAsync("cloudformation", "describe-stack-resources", "--stack-name", $"{project}-{DeployedCorpus.Environment}");
        return resources.GetProperty("StackResources").EnumerateArray()
            .Where(r => r.TryGetProperty("LogicalResourceId", out _) && r.TryGetProperty("PhysicalResourceId", out _))
            .Select(r => (r.GetProperty("LogicalResourceId").GetString()!, r.GetProperty("ResourceType").GetString()!, r.GetProperty("PhysicalResourceId").GetString()!))
            .ToList();
    }
}
