using Liftoff.Aws;
using Liftoff.Aws.Requests;
using Liftoff.Deploying;
using Liftoff.Deploying.Stacks;
using static Liftoff.Tests.Deploying.ScriptedCloudFormation;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// Failing stack operations, which moto cannot produce (its change sets apply at once and never fail):
/// a scripted CloudFormation stub answering in the wire format of AWS's API reference pages
/// API_DescribeStacks, API_DescribeStackEvents, API_CreateChangeSet, API_DescribeChangeSet,
/// API_ExecuteChangeSet and API_DeleteStack (docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/).
/// </summary>
public sealed class StackFailureTests : IDisposable
{
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/shop-prod/4f6e2a10-0000-4000-8000-000000000001";
    private readonly ScriptedCloudFormation _stub = new();
    private readonly AwsClients _clients;
    private readonly DeployTestKit _kit = new();

    public StackFailureTests()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        _clients = AwsClients.Create(new AwsConnection("us-east-1", _stub.Url, null));
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackEvents.html (StackEvents.member.N, newest first),
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeChangeSet.html, https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html
    [Fact]
    public async Task A_failed_update_shows_the_first_failed_resource_and_the_rolled_back_state_and_fails()
    {
        _stub.On("DescribeStacks", _ => Ok("DescribeStacks", Stack(_stub.Phase == "executed" ? "UPDATE_ROLLBACK_COMPLETE" : "UPDATE_COMPLETE")));
        _stub.On("CreateChangeSet", _ => Ok("CreateChangeSet", $"<Id>{ChangeSetId}</Id><StackId>{StackId}</StackId>"));
        _stub.On("DescribeChangeSet", _ => Ok("DescribeChangeSet", ChangeSet("Modify", "Table", "AWS::DynamoDB::Table", "False")));
        _stub.On("ExecuteChangeSet", _ => { _stub.Phase = "executed"; return Ok("ExecuteChangeSet"); });
        _stub.On("DescribeStackEvents", _ => Ok("DescribeStackEvents", Events(_stub.Phase == "executed"
            ? [
                Event("e9", "shop-prod", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", null, 9),
                Event("e8", "Queue", "AWS::SQS::Queue", "UPDATE_COMPLETE", null, 8),
                Event("e7", "shop-prod", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [Table].", 7),
                Event("e6", "Queue", "AWS::SQS::Queue", "UPDATE_FAILED", "Resource update cancelled", 6),
                Event("e5", "Table", "AWS::DynamoDB::Table", "UPDATE_FAILED", "Cannot change the key schema of table shop-prod-dynamodb-items", 5),
                Event("e4", "Table", "AWS::DynamoDB::Table", "UPDATE_IN_PROGRESS", null, 4),
                Event("e3", "shop-prod", "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated", 3),
                Event("e1", "shop-prod", "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null, 1),
              ]
            : [Event("e1", "shop-prod", "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null, 1)])));
        var console = DeployTestKit.Console();

        var error = await Assert.ThrowsAsync<StackDeployException>(async () => await DeployTestKit.DeployStackAsync(Deployer(console), await DeploymentAsync(), new DeployOptions()));

        Assert.Equal("UPDATE_ROLLBACK_COMPLETE", error.FinalStatus);
        Assert.Equal("Table", error.FirstFailure?.LogicalId);
        Assert.Contains("Cannot change the key schema", error.Message);
        Assert.Contains("First failure: Table (AWS::DynamoDB::Table) UPDATE_FAILED", console.Output);
        Assert.Contains("ended UPDATE_ROLLBACK_COMPLETE", console.Output);
        Assert.Equal("UPDATE", _stub.Call("CreateChangeSet")["ChangeSetType"]);
        // Each event once, in the order it happened: the pre-existing one is not repeated.
        Assert.Equal(1, Count(console.Output, "UPDATE_ROLLBACK_IN_PROGRESS"));
        Assert.True(console.Output.IndexOf("UPDATE_IN_PROGRESS", StringComparison.Ordinal) < console.Output.IndexOf("UPDATE_FAILED", StringComparison.Ordinal));
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeleteStack.html, https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html,
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html (ValidationError "Stack with id … does not exist")
    [Fact]
    public async Task A_stack_left_in_ROLLBACK_COMPLETE_by_a_failed_first_create_is_deleted_and_created_again()
    {
        _stub.On("DescribeStacks", _ => _stub.Phase switch
        {
            "start" => Ok("DescribeStacks", Stack("ROLLBACK_COMPLETE")),
            "deleted" => Error(400, "ValidationError", $"Stack with id {StackId} does not exist"),
            "review" => Ok("DescribeStacks", Stack("REVIEW_IN_PROGRESS")),
            _ => Ok("DescribeStacks", Stack("CREATE_COMPLETE")),
        });
        _stub.On("DeleteStack", _ => { _stub.Phase = "deleted"; return Ok("DeleteStack"); });
        _stub.On("CreateChangeSet", _ => { _stub.Phase = "review"; return Ok("CreateChangeSet", $"<Id>{ChangeSetId}</Id><StackId>{StackId}</StackId>"); });
        _stub.On("DescribeChangeSet", _ => Ok("DescribeChangeSet", ChangeSet("Add", "Table", "AWS::DynamoDB::Table", null)));
        _stub.On("ExecuteChangeSet", _ => { _stub.Phase = "created"; return Ok("ExecuteChangeSet"); });
        _stub.On("DescribeStackEvents", _ => Ok("DescribeStackEvents", Events(_stub.Phase switch
        {
            "created" => [
                Event("c3", "shop-prod", "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null, 23),
                Event("c2", "Table", "AWS::DynamoDB::Table", "CREATE_COMPLETE", null, 22),
                Event("c1", "shop-prod", "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", 21),
                Event("r1", "shop-prod", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated", 20),
            ],
            "review" => [Event("r1", "shop-prod", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated", 20)],
            _ => [Event("d1", "shop-prod", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null, 10)],
        })));
        var console = DeployTestKit.Console();

        var result = await DeployTestKit.DeployStackAsync(Deployer(console), await DeploymentAsync(), new DeployOptions());

        Assert.Equal(StackDeployOutcome.Created, result.Outcome);
        Assert.Equal("CREATE_COMPLETE", result.FinalStatus);
        var actions = _stub.Actions;
        Assert.True(actions.IndexOf("DeleteStack") < actions.IndexOf("CreateChangeSet"));
        Assert.Equal("CREATE", _stub.Call("CreateChangeSet")["ChangeSetType"]);
        Assert.Contains("deleting it to create it again", console.Output);
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html (StackStatus UPDATE_ROLLBACK_FAILED)
    [Fact]
    public async Task A_stack_in_UPDATE_ROLLBACK_FAILED_stops_the_deploy_with_the_way_out()
    {
        _stub.On("DescribeStacks", _ => Ok("DescribeStacks", Stack("UPDATE_ROLLBACK_FAILED")));

        var error = await Assert.ThrowsAsync<StackDeployException>(async () => await DeployTestKit.DeployStackAsync(Deployer(DeployTestKit.Console()), await DeploymentAsync(), new DeployOptions()));

        Assert.Contains("aws cloudformation continue-update-rollback --stack-name shop-prod", error.Message);
        Assert.DoesNotContain("CreateChangeSet", _stub.Actions);
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html (Throttling, "Rate exceeded")
    [Fact]
    public async Task Throttled_calls_are_retried_and_never_reported_as_failures()
    {
        // More throttled answers in a row than the SDK's own retries (3 attempts) absorb.
        var throttles = 0;
        _stub.On("DescribeStacks", _ => ++throttles <= 7
            ? Error(400, "Throttling", "Rate exceeded")
            : Ok("DescribeStacks", Stack("UPDATE_COMPLETE")));
        using var clients = AwsClients.Create(new AwsConnection("us-east-1", _stub.Url, null), limits: RequestLimits.Default with
        {
            CloudFormation = ServiceRequestLimit.CloudFormation with { ThrottleBaseDelay = TimeSpan.FromMilliseconds(10) },
        });

        // The caller calls the client as it would the official SDK's: the budget inside it retries.
        var stack = await new StackDeployer(clients.CloudFormation, DeployTestKit.Console()).FindStackAsync("shop-prod", default);

        Assert.Equal("UPDATE_COMPLETE", stack?.StackStatus?.ToString());
        Assert.Equal(8, throttles);
    }

    private const string ChangeSetId = "arn:aws:cloudformation:us-east-1:123456789012:changeSet/liftoff/0f0e0d0c-0000-4000-8000-000000000002";

    private StackDeployer Deployer(Spectre.Console.IAnsiConsole console) => new(_clients.CloudFormation, console);

    private async Task<StackDeployment> DeploymentAsync() =>
        DeployTestKit.Deployment("shop-prod", await _kit.TemplateAsync("shop.yaml", "Resources: {Table: {Type: AWS::DynamoDB::Table}}\n"));

    private static string Stack(string status) =>
        $"<Stacks><member><StackId>{StackId}</StackId><StackName>shop-prod</StackName><StackStatus>{status}</StackStatus>" +
        "<CreationTime>2030-01-01T12:00:00Z</CreationTime><EnableTerminationProtection>false</EnableTerminationProtection></member></Stacks>";

    private static string ChangeSet(string action, string logicalId, string type, string? replacement) =>
        $"<ChangeSetId>{ChangeSetId}</ChangeSetId><ChangeSetName>liftoff</ChangeSetName><StackId>{StackId}</StackId><StackName>shop-prod</StackName>" +
        "<Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>" +
        $"<Changes><member><Type>Resource</Type><ResourceChange><Action>{action}</Action><LogicalResourceId>{logicalId}</LogicalResourceId>" +
        $"<ResourceType>{type}</ResourceType>{(replacement is null ? "" : $"<Replacement>{replacement}</Replacement>")}</ResourceChange></member></Changes>";

    private static string Events(IEnumerable<string> members) => $"<StackEvents>{string.Concat(members)}</StackEvents>";

    private static string Event(string id, string logicalId, string type, string status, string? reason, int second) =>
        $"<member><StackId>{StackId}</StackId><EventId>{id}</EventId><StackName>shop-prod</StackName><LogicalResourceId>{logicalId}</LogicalResourceId>" +
        $"<ResourceType>{type}</ResourceType><Timestamp>2030-01-01T12:00:{second:00}Z</Timestamp><ResourceStatus>{status}</ResourceStatus>" +
        (reason is null ? "" : $"<ResourceStatusReason>{reason}</ResourceStatusReason>") + "</member>";

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    public void Dispose()
    {
        _clients.Dispose();
        _kit.Dispose();
        _stub.Dispose();
    }
}
