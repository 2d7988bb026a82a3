using Liftoff.Deploying;
using Liftoff.Deploying.Stacks;
using Liftoff.Deploying.Templates;
using Liftoff.Tests.Packaging;

namespace Liftoff.Tests.Deploying;

/// <summary>aws-sam-translator, the translator AWS runs, expanding SAM templates for the local AWS (real python3).</summary>
public sealed class SamTranslatorTests : IDisposable
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::SimpleTable
          ApiFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: {Bucket: artifacts, Key: api.zip}
              Handler: index.handler
              Runtime: nodejs22.x
              AutoPublishAlias: live
              Policies:
                - DynamoDBReadPolicy: {TableName: !Ref Orders}
              Events:
                Get: {Type: Api, Properties: {Path: /orders, Method: get}}
        """;

    private readonly TempTree _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Expands_functions_events_policy_templates_and_tables_into_plain_CloudFormation()
    {
        var expanded = await new SamTranslator(_root.Root).ExpandAsync(new StackTemplate(Template), new Dictionary<string, string>(), "us-east-1", default);

        using var document = System.Text.Json.JsonDocument.Parse(expanded.Body);
        var types = document.RootElement.GetProperty("Resources").EnumerateObject().Select(r => r.Value.GetProperty("Type").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "AWS::Lambda::Function", "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::IAM::Role",
            "AWS::ApiGateway::RestApi", "AWS::DynamoDB::Table" }, types);
        Assert.False(document.RootElement.TryGetProperty("Transform", out _));
    }

    [Fact]
    public async Task The_same_template_and_parameters_are_expanded_once()
    {
        var translator = new SamTranslator(_root.Root);
        await translator.ExpandAsync(new StackTemplate(Template), new Dictionary<string, string>(), "us-east-1", default);
        var cached = Assert.Single(Directory.GetFiles(Path.Combine(_root.Root, ".nuke", "temp", "sam")));
        await File.WriteAllTextAsync(cached, """{"Resources": {"Marker": {"Type": "AWS::SNS::Topic"}}}""");

        var again = await translator.ExpandAsync(new StackTemplate(Template), new Dictionary<string, string>(), "us-east-1", default);
        var otherRegion = await translator.ExpandAsync(new StackTemplate(Template), new Dictionary<string, string>(), "eu-west-1", default);

        Assert.Contains("Marker", again.Body);
        Assert.DoesNotContain("Marker", otherRegion.Body);
    }

    [Fact]
    public async Task A_template_the_translator_refuses_fails_with_its_message()
    {
        var broken = Template.Replace("Type: Api,", "Type: Apii,");

        var error = await Assert.ThrowsAsync<DeployException>(() =>
            new SamTranslator(_root.Root).ExpandAsync(new StackTemplate(broken, SourcePath: "projects/x/template.yaml"), new Dictionary<string, string>(), "us-east-1", default));

        Assert.Contains("projects/x/template.yaml does not expand", error.Message);
        Assert.Contains("Event Type is: Apii", error.Message);
    }
}
