using System.Text.Json;
using Liftoff.Aws;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>Liftoff's CloudFormation client against moto, read back and written by the AWS CLI.</summary>
public sealed class CloudFormationClientTests : IClassFixture<MotoFixture>, IDisposable
{
    private const string Template = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "Liftoff contract test stack",
          "Parameters": { "Environment": { "Type": "String" } },
          "Resources": {
            "Bucket": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": { "Fn::Sub": "${AWS::StackName}-${Environment}-s3-site" } } },
            "Table": { "Type": "AWS::DynamoDB::Table", "Properties": {
              "TableName": { "Fn::Sub": "${AWS::StackName}-${Environment}-dynamodb-cards" },
              "AttributeDefinitions": [ { "AttributeName": "id", "AttributeType": "S" } ],
              "KeySchema": [ { "AttributeName": "id", "KeyType": "HASH" } ],
              "BillingMode": "PAY_PER_REQUEST" } }
          },
          "Outputs": { "SiteBucket": { "Value": { "Ref": "Bucket" }, "Description": "where the site lives" } }
        }
        """;

    private readonly AwsCli _cli;
    private readonly AwsClients _aws;

    public CloudFormationClientTests(MotoFixture moto)
    {
        _cli = new AwsCli(moto);
        _aws = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    }

    public void Dispose() => _aws.Dispose();

    private static string StackName(string test) => $"cards-{test}-{Guid.NewGuid():N}"[..30];

    private async Task<string> CreateThroughChangeSetAsync(string stack)
    {
        await _aws.CloudFormation.CreateChangeSetAsync(new CreateChangeSetRequest
        {
            StackName = stack, ChangeSetName = "create", ChangeSetType = ChangeSetType.CREATE, TemplateBody = Template,
            Parameters = { new Parameter { ParameterKey = "Environment", ParameterValue = "dev" } },
            Capabilities = { "CAPABILITY_IAM" },
            Tags = { new Tag { Key = "liftoff:project", Value = "cards" } },
        });
        await _aws.CloudFormation.ExecuteChangeSetAsync(new ExecuteChangeSetRequest { StackName = stack, ChangeSetName = "create" });
        return stack;
    }

    [Fact]
    public async Task A_change_set_Liftoff_creates_is_the_one_the_CLI_describes()
    {
        var stack = StackName("plan");

        var created = await _aws.CloudFormation.CreateChangeSetAsync(new CreateChangeSetRequest
        {
            StackName = stack, ChangeSetName = "first", ChangeSetType = ChangeSetType.CREATE, TemplateBody = Template,
            Description = "first deploy", Parameters = { new Parameter { ParameterKey = "Environment", ParameterValue = "dev" } },
        });
        var ours = await _aws.CloudFormation.DescribeChangeSetAsync(new DescribeChangeSetRequest { StackName = stack, ChangeSetName = "first" });

        Assert.StartsWith("arn:aws:cloudformation:", created.Id);
        Assert.Equal(ChangeSetStatus.CREATE_COMPLETE, ours.Status);
        Assert.Equal(ExecutionStatus.AVAILABLE, ours.ExecutionStatus);
        Assert.Equal(["Bucket", "Table"], ours.Changes.Select(c => c.ResourceChange!.LogicalResourceId).Order());
        Assert.All(ours.Changes, c => Assert.Equal(ChangeAction.Add, c.ResourceChange!.Action));
        var theirs = await _cli.JsonAsync("cloudformation", "describe-change-set", "--stack-name", stack, "--change-set-name", "first");
        Assert.Equal(created.Id, theirs.GetProperty("ChangeSetId").GetString());
        Assert.True(FieldByField.AssertMatches(theirs, ours) >= 15);
    }

    [Fact]
    public async Task Executing_a_change_set_makes_the_stack_the_CLI_then_describes()
    {
        var stack = await CreateThroughChangeSetAsync(StackName("exec"));

        var ours = (await _aws.CloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stack })).Stacks.Single();
        var resources = await _aws.CloudFormation.DescribeStackResourcesAsync(new DescribeStackResourcesRequest { StackName = stack });

        Assert.Equal(StackStatus.CREATE_COMPLETE, ours.StackStatus);
        Assert.Equal("cards", ours.Tags.Single().Value);
        Assert.Equal($"{stack}-dev-s3-site", resources.StackResources.Single(r => r.LogicalResourceId == "Bucket").PhysicalResourceId);
        var theirStack = (await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", stack)).GetProperty("Stacks")[0];
        Assert.True(FieldByField.AssertMatches(theirStack, ours) >= 8);
        var theirResources = await _cli.JsonAsync("cloudformation", "describe-stack-resources", "--stack-name", stack);
        Assert.True(FieldByField.AssertMatches(theirResources, resources) >= 15);
    }

    [Fact]
    public async Task GetTemplate_returns_the_template_the_stack_was_made_from()
    {
        var stack = await CreateThroughChangeSetAsync(StackName("tmpl"));

        var ours = await _aws.CloudFormation.GetTemplateAsync(new GetTemplateRequest { StackName = stack });

        var theirs = await _cli.JsonAsync("cloudformation", "get-template", "--stack-name", stack);
        Assert.Equal(
            JsonSerializer.Serialize(JsonDocument.Parse(Template).RootElement),
            JsonSerializer.Serialize(JsonDocument.Parse(ours.TemplateBody!).RootElement));
        Assert.Equal(
            JsonSerializer.Serialize(theirs.GetProperty("TemplateBody")),
            JsonSerializer.Serialize(JsonDocument.Parse(ours.TemplateBody!).RootElement));
    }

    [Fact]
    public async Task An_update_without_changes_fails_the_change_set_like_AWS_and_it_can_be_deleted()
    {
        var stack = StackName("nochange");
        var template = """{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"STACK-s3-same"}}}}""".Replace("STACK", stack);
        await _aws.CloudFormation.CreateChangeSetAsync(new CreateChangeSetRequest { StackName = stack, ChangeSetName = "create", ChangeSetType = ChangeSetType.CREATE, TemplateBody = template });
        await _aws.CloudFormation.ExecuteChangeSetAsync(new ExecuteChangeSetRequest { StackName = stack, ChangeSetName = "create" });

        await _aws.CloudFormation.CreateChangeSetAsync(new CreateChangeSetRequest
        {
            StackName = stack, ChangeSetName = "same", ChangeSetType = ChangeSetType.UPDATE, TemplateBody = template,
        });
        var described = await _aws.CloudFormation.DescribeChangeSetAsync(new DescribeChangeSetRequest { StackName = stack, ChangeSetName = "same" });
        await _aws.CloudFormation.DeleteChangeSetAsync(new DeleteChangeSetRequest { StackName = stack, ChangeSetName = "same" });

        Assert.Equal(ChangeSetStatus.FAILED, described.Status);
        Assert.Contains("didn't contain changes", described.StatusReason);
        var left = await _cli.JsonAsync("cloudformation", "list-change-sets", "--stack-name", stack);
        Assert.DoesNotContain(left.GetProperty("Summaries").EnumerateArray(), s => s.GetProperty("ChangeSetName").GetString() == "same");
    }

    [Fact]
    public async Task An_unchanged_update_with_parameters_is_refused_by_moto_as_a_ValidationError()
    {
        // AWS answers this case with a FAILED change set too; moto 5.2.1 refuses CreateChangeSet itself.
        // Callers must treat both as "nothing to deploy".
        var stack = await CreateThroughChangeSetAsync(StackName("noupdate"));

        var error = await Assert.ThrowsAsync<AmazonCloudFormationException>(() => _aws.CloudFormation.CreateChangeSetAsync(new CreateChangeSetRequest
        {
            StackName = stack, ChangeSetName = "same", ChangeSetType = ChangeSetType.UPDATE, TemplateBody = Template,
            Parameters = { new Parameter { ParameterKey = "Environment", ParameterValue = "dev" } },
            Tags = { new Tag { Key = "liftoff:project", Value = "cards" } },
        }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal("No updates are to be performed.", error.Message);
    }

    [Fact]
    public async Task DescribeStacks_reads_outputs_of_a_stack_the_CLI_created()
    {
        var stack = StackName("cli");
        await _cli.RunAsync("cloudformation", "create-stack", "--stack-name", stack, "--template-body", Template,
            "--parameters", "ParameterKey=Environment,ParameterValue=prod");

        var ours = (await _aws.CloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stack })).Stacks.Single();

        var output = ours.Outputs.Single();
        Assert.Equal(("SiteBucket", $"{stack}-prod-s3-site", "where the site lives"), (output.OutputKey, output.OutputValue, output.Description));
        var theirs = (await _cli.JsonAsync("cloudformation", "describe-stacks", "--stack-name", stack)).GetProperty("Stacks")[0];
        Assert.True(FieldByField.AssertMatches(theirs, ours) >= 10);
    }

    [Fact]
    public async Task The_paginators_list_every_stack_and_event_the_CLI_lists()
    {
        var stack = await CreateThroughChangeSetAsync(StackName("events"));

        var events = new List<StackEvent>();
        await foreach (var e in _aws.CloudFormation.Paginators.DescribeStackEvents(new DescribeStackEventsRequest { StackName = stack }).StackEvents)
            events.Add(e);
        var stacks = new List<string>();
        await foreach (var s in _aws.CloudFormation.Paginators.DescribeStacks(new DescribeStacksRequest()).Stacks)
            stacks.Add(s.StackName!);

        var theirEvents = (await _cli.JsonAsync("cloudformation", "describe-stack-events", "--stack-name", stack)).GetProperty("StackEvents");
        Assert.Equal(theirEvents.EnumerateArray().Select(e => e.GetProperty("EventId").GetString()), events.Select(e => e.EventId));
        Assert.Contains(events, e => e.ResourceStatus == ResourceStatus.CREATE_COMPLETE && e.LogicalResourceId == stack);
        var theirStacks = (await _cli.JsonAsync("cloudformation", "describe-stacks")).GetProperty("Stacks");
        Assert.Equal(theirStacks.EnumerateArray().Select(s => s.GetProperty("StackName").GetString()).Order(), stacks.Order());
    }

    [Fact]
    public async Task DeleteStack_removes_the_stack()
    {
        var stack = await CreateThroughChangeSetAsync(StackName("delete"));

        await _aws.CloudFormation.DeleteStackAsync(new DeleteStackRequest { StackName = stack });

        var remaining = await _cli.JsonAsync("cloudformation", "list-stacks", "--stack-status-filter", "CREATE_COMPLETE");
        Assert.DoesNotContain(remaining.GetProperty("StackSummaries").EnumerateArray(), s => s.GetProperty("StackName").GetString() == stack);
    }

    [Fact]
    public async Task ValidateTemplate_reads_the_description()
    {
        var ours = await _aws.CloudFormation.ValidateTemplateAsync(new ValidateTemplateRequest { TemplateBody = Template });

        Assert.Equal("Liftoff contract test stack", ours.Description);
    }

    [Fact]
    public async Task A_missing_stack_is_a_ValidationError_with_message_and_request_id()
    {
        var error = await Assert.ThrowsAsync<AmazonCloudFormationException>(() =>
            _aws.CloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = "cards-missing" }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Contains("cards-missing", error.Message);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }
}
