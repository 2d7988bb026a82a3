using Liftoff.Aws.CloudFormation.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Liftoff.Tests.Aws;

/// <summary>
/// CloudFormation behaviour moto 5.2.1 lacks (UpdateTerminationProtection and ContinueUpdateRollback are
/// not implemented, ValidateTemplate returns no parameters, updates never fail): a stub serves the
/// awsQuery XML of the CloudFormation API Reference (the page named on each test).
/// </summary>
public sealed class CloudFormationStubTests : IDisposable
{
    private const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/cards-prod/1a2b3c4d";
    private readonly StubbedAws _aws = new();

    public void Dispose() => _aws.Dispose();

    private void Answer(string action, string result, int status = 200) =>
        _aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithBody((string? body) => body?.Split('&').Contains($"Action={action}") == true))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/xml").WithBody(
                status == 200
                    ? $"""<{action}Response xmlns="{Ns}"><{action}Result>{result}</{action}Result><ResponseMetadata><RequestId>cfn-req-9</RequestId></ResponseMetadata></{action}Response>"""
                    : result));

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_UpdateTerminationProtection.html
    [Fact]
    public async Task UpdateTerminationProtection_follows_API_UpdateTerminationProtection_html()
    {
        Answer("UpdateTerminationProtection", $"<StackId>{StackId}</StackId>");

        var response = await _aws.Clients.CloudFormation.UpdateTerminationProtectionAsync(new UpdateTerminationProtectionRequest
        {
            StackName = "cards-prod", EnableTerminationProtection = true,
        });

        Assert.Equal(StackId, response.StackId);
        Assert.Equal("cfn-req-9", response.ResponseMetadata.RequestId);
        var sent = Assert.Single(_aws.QueryRequests("UpdateTerminationProtection"));
        Assert.Equal(("cards-prod", "true", "2010-05-15"), (sent["StackName"], sent["EnableTerminationProtection"], sent["Version"]));
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ContinueUpdateRollback.html
    [Fact]
    public async Task ContinueUpdateRollback_follows_API_ContinueUpdateRollback_html()
    {
        Answer("ContinueUpdateRollback", "");

        await _aws.Clients.CloudFormation.ContinueUpdateRollbackAsync(new ContinueUpdateRollbackRequest
        {
            StackName = "cards-prod", ResourcesToSkip = { "ApiFunction", "SiteBucket" }, ClientRequestToken = "rollback-7",
        });

        var sent = Assert.Single(_aws.QueryRequests("ContinueUpdateRollback"));
        Assert.Equal("ApiFunction", sent["ResourcesToSkip.member.1"]);
        Assert.Equal("SiteBucket", sent["ResourcesToSkip.member.2"]);
        Assert.Equal("rollback-7", sent["ClientRequestToken"]);
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ValidateTemplate.html
    [Fact]
    public async Task ValidateTemplate_reads_parameters_per_API_ValidateTemplate_html()
    {
        Answer("ValidateTemplate", """
            <Parameters>
              <member><NoEcho>false</NoEcho><ParameterKey>Environment</ParameterKey><Description>dev, staging or prod</Description></member>
              <member><NoEcho>true</NoEcho><ParameterKey>ApiKey</ParameterKey><DefaultValue>none</DefaultValue></member>
            </Parameters>
            <Description>Cards API</Description>
            <Capabilities><member>CAPABILITY_IAM</member></Capabilities>
            <CapabilitiesReason>The following resource(s) require capabilities: [AWS::IAM::Role]</CapabilitiesReason>
            """);

        var response = await _aws.Clients.CloudFormation.ValidateTemplateAsync(new ValidateTemplateRequest { TemplateBody = "{}" });

        Assert.Equal(["Environment", "ApiKey"], response.Parameters.Select(p => p.ParameterKey));
        Assert.True(response.Parameters[1].NoEcho);
        Assert.Equal("none", response.Parameters[1].DefaultValue);
        Assert.Equal(["CAPABILITY_IAM"], response.Capabilities);
        Assert.Contains("AWS::IAM::Role", response.CapabilitiesReason);
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackEvents.html
    [Fact]
    public async Task A_failed_update_reads_its_reasons_per_API_DescribeStackEvents_html()
    {
        Answer("DescribeStackEvents", $"""
            <StackEvents>
              <member><EventId>e3</EventId><StackName>cards-prod</StackName><StackId>{StackId}</StackId><LogicalResourceId>cards-prod</LogicalResourceId>
                <ResourceType>AWS::CloudFormation::Stack</ResourceType><Timestamp>2026-01-05T10:02:00.123Z</Timestamp><ResourceStatus>UPDATE_ROLLBACK_COMPLETE</ResourceStatus></member>
              <member><EventId>e2</EventId><StackName>cards-prod</StackName><StackId>{StackId}</StackId><LogicalResourceId>ApiFunction</LogicalResourceId>
                <PhysicalResourceId>cards-prod-lambda-api</PhysicalResourceId><ResourceType>AWS::Lambda::Function</ResourceType>
                <Timestamp>2026-01-05T10:01:00Z</Timestamp><ResourceStatus>UPDATE_FAILED</ResourceStatus>
                <ResourceStatusReason>Resource handler returned message: "Error occurred while GetObject. S3 Error Code: NoSuchKey"</ResourceStatusReason>
                <ClientRequestToken>deploy-42</ClientRequestToken></member>
            </StackEvents>
            <NextToken>more</NextToken>
            """);

        var response = await _aws.Clients.CloudFormation.DescribeStackEventsAsync(new DescribeStackEventsRequest { StackName = "cards-prod" });

        var failed = response.StackEvents.Single(e => e.ResourceStatus == ResourceStatus.UPDATE_FAILED);
        Assert.Equal(("ApiFunction", "cards-prod-lambda-api", "deploy-42"), (failed.LogicalResourceId, failed.PhysicalResourceId, failed.ClientRequestToken));
        Assert.Contains("NoSuchKey", failed.ResourceStatusReason);
        Assert.Equal(new DateTime(2026, 1, 5, 10, 2, 0, 123, DateTimeKind.Utc), response.StackEvents[0].Timestamp);
        Assert.Equal("more", response.NextToken);
    }

    // Wire format: https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ExecuteChangeSet.html (Errors)
    [Fact]
    public async Task Executing_an_obsolete_change_set_is_the_typed_error_of_API_ExecuteChangeSet_html()
    {
        Answer("ExecuteChangeSet", $"""
            <ErrorResponse xmlns="{Ns}"><Error><Type>Sender</Type><Code>InvalidChangeSetStatus</Code>
            <Message>ChangeSet [arn:aws:cloudformation:us-east-1:123456789012:changeSet/deploy-41/9] cannot be executed in its current status of [OBSOLETE]</Message></Error>
            <RequestId>cfn-req-err</RequestId></ErrorResponse>
            """, status: 400);

        var error = await Assert.ThrowsAsync<InvalidChangeSetStatusException>(() => _aws.Clients.CloudFormation.ExecuteChangeSetAsync(
            new ExecuteChangeSetRequest { StackName = "cards-prod", ChangeSetName = "deploy-41" }));

        Assert.Equal("InvalidChangeSetStatus", error.ErrorCode);
        Assert.Contains("OBSOLETE", error.Message);
        Assert.Equal("cfn-req-err", error.RequestId);
    }
}
