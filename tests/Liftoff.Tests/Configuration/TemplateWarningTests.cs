using Liftoff.Configuration;

namespace Liftoff.Tests.Configuration;

/// <summary>
/// Templates that deploy but invite trouble warn, at file:line:column, with the fix (issue 12): an event
/// source that invokes the unqualified function while Liftoff moves the alias (finding 8), a physical
/// name written as fixed text that a second environment would collide with (finding 10).
/// </summary>
public sealed class TemplateWarningTests
{
    private const string TemplateFile = "projects/shop/template.yaml";

    private static async Task<string[]> WarningsAsync(string resources)
    {
        using var repository = ValidRepository.Create()
            .Write(TemplateFile, ValidRepository.Template.Replace("Outputs:", resources.TrimEnd() + "\nOutputs:"));
        var configuration = await ConfigurationLoader.LoadAsync(repository.Root, ValidRepository.Options(), CancellationToken.None);
        return configuration.Warnings.Select(w => w.ToString()).ToArray();
    }

    private static string Unqualified(string resource, string type, int line, int column) =>
        $"{TemplateFile}:{line}:{column}: '{resource}' ({type}) invokes 'ApiFunction' without a qualifier, so it always runs $LATEST: " +
        "Liftoff moves the alias 'live', and a canary or linear rollout controls none of this traffic. " +
        "Invoke the alias, e.g. !Sub \"${ApiFunction.Arn}:live\" (and give its Lambda::Permission the same qualified name)";

    [Fact]
    public async Task An_api_method_and_a_permission_on_the_unqualified_function_warn_where_they_name_it()
    {
        var warnings = await WarningsAsync("""
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  HttpMethod: GET
                  ResourceId: root
                  RestApiId: api
                  AuthorizationType: NONE
                  Integration:
                    Type: AWS_PROXY
                    IntegrationHttpMethod: POST
                    Uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ApiFunction.Arn}/invocations"
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: !GetAtt ApiFunction.Arn
                  Principal: apigateway.amazonaws.com
              Queue:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: arn:aws:sqs:us-east-1:123456789012:jobs
                  FunctionName: {"Ref": "ApiFunction"}
            """);

        Assert.Equal(
            [
                Unqualified("Get", "AWS::ApiGateway::Method", 29, 14),
                Unqualified("Invoke", "AWS::Lambda::Permission", 34, 21),
                Unqualified("Queue", "AWS::Lambda::EventSourceMapping", 40, 21),
            ],
            warnings);
    }

    [Fact]
    public async Task An_inline_openapi_body_on_the_unqualified_function_warns()
    {
        // The shape aws-sam-translator gives an Api event of a function without AutoPublishAlias.
        var warnings = await WarningsAsync("""
              ServerlessRestApi:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Body:
                    openapi: "3.0.1"
                    paths:
                      /hello:
                        get:
                          x-amazon-apigateway-integration:
                            type: aws_proxy
                            httpMethod: POST
                            uri: {"Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ApiFunction.Arn}/invocations"}
            """);

        Assert.Equal([Unqualified("ServerlessRestApi", "AWS::ApiGateway::RestApi", 30, 22)], warnings);
    }

    [Fact]
    public async Task Event_sources_that_invoke_the_alias_do_not_warn()
    {
        var warnings = await WarningsAsync("""
              ApiAlias:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref ApiFunction
                  FunctionVersion: $LATEST
                  Name: live
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: !Sub "${ApiFunction.Arn}:live"
                  Principal: apigateway.amazonaws.com
              Queue:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: arn:aws:sqs:us-east-1:123456789012:jobs
                  FunctionName: !Ref ApiAlias
              Rule:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: rate(1 hour)
                  Targets:
                    - Id: api
                      Arn: !Join [":", [!GetAtt ApiFunction.Arn, live]]
            """);

        Assert.Empty(warnings);
    }

    [Fact]
    public async Task A_fixed_table_name_warns_with_a_name_derived_from_the_stack()
    {
        var warnings = await WarningsAsync("""
              Weather:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: WeatherData
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: "jobs"
              Scoped:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub "${AWS::StackName}-alerts"
            """);

        Assert.Equal(
            [
                $"{TemplateFile}:29:18: 'Jobs' (AWS::SQS::Queue) has the fixed QueueName 'jobs': a second stack of this template in the account " +
                "(another environment) would collide with it. Derive it from the stack, e.g. QueueName: !Sub \"${Project}-${Environment}-jobs\", " +
                "or leave it out and CloudFormation names it",
                $"{TemplateFile}:22:18: 'Weather' (AWS::DynamoDB::Table) has the fixed TableName 'WeatherData': a second stack of this template in the account " +
                "(another environment) would collide with it. Derive it from the stack, e.g. TableName: !Sub \"${Project}-${Environment}-weather-data\", " +
                "or leave it out and CloudFormation names it",
            ],
            warnings);
    }

    [Fact]
    public async Task Without_Project_and_Environment_parameters_the_fix_uses_the_stack_name()
    {
        // The valid template without Project and Environment: names come from the stack's own name.
        using var repository = ValidRepository.Create().Write("projects/shop/template.yaml", ValidRepository.Template
            .Replace("  Project: {Type: String}\n  Environment: {Type: String}\n", "")
            .Replace("${Project}-${Environment}", "${AWS::StackName}")
            .Replace("Outputs:", "  Weather:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: WeatherData\nOutputs:"));

        var configuration = await ConfigurationLoader.LoadAsync(repository.Root, ValidRepository.Options(), CancellationToken.None);

        Assert.Contains("TableName: !Sub \"${AWS::StackName}-weather-data\"", Assert.Single(configuration.Warnings).Message);
    }

    [Fact]
    public async Task The_sample_projects_load_without_warnings()
    {
        // Judged today, not on a fixed day: when AWS deprecates a sample's runtime, this says to move the sample on.
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, CancellationToken.None);

        Assert.Empty(configuration.Warnings);
    }
}
