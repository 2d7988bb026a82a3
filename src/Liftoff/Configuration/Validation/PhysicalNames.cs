using System.Text.RegularExpressions;
using Liftoff.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace Liftoff.Configuration.Validation;

/// <summary>
/// Warns about physical names written as fixed text (TableName: WeatherData): every stack made from the
/// template, one per environment, asks for the same name, and the second one in an account fails or,
/// worse for a bucket or table, shares the first one's. Names derived from the stack never collide.
/// </summary>
internal static partial class PhysicalNames
{
    /// <summary>The name property of each resource type whose names are unique in an account (or in S3, globally).</summary>
    private static readonly Dictionary<string, string> NameProperty = new(StringComparer.Ordinal)
    {
        ["AWS::DynamoDB::Table"] = "TableName",
        ["AWS::DynamoDB::GlobalTable"] = "TableName",
        ["AWS::Serverless::SimpleTable"] = "TableName",
        ["AWS::S3::Bucket"] = "BucketName",
        ["AWS::Lambda::Function"] = "FunctionName",
        ["AWS::Serverless::Function"] = "FunctionName",
        ["AWS::SQS::Queue"] = "QueueName",
        ["AWS::SNS::Topic"] = "TopicName",
        ["AWS::IAM::Role"] = "RoleName",
        ["AWS::IAM::ManagedPolicy"] = "ManagedPolicyName",
        ["AWS::Logs::LogGroup"] = "LogGroupName",
        ["AWS::CloudWatch::Alarm"] = "AlarmName",
        ["AWS::Events::Rule"] = "Name",
        ["AWS::Events::EventBus"] = "Name",
        ["AWS::Scheduler::Schedule"] = "Name",
        ["AWS::StepFunctions::StateMachine"] = "StateMachineName",
        ["AWS::Serverless::StateMachine"] = "Name",
        ["AWS::Kinesis::Stream"] = "Name",
        ["AWS::SecretsManager::Secret"] = "Name",
        ["AWS::SSM::Parameter"] = "Name",
        ["AWS::ECR::Repository"] = "RepositoryName",
    };

    public static void Check(TemplateInfo template, ICollection<ConfigurationError> warnings)
    {
        var scoped = template.Parameters.ContainsKey("Project") && template.Parameters.ContainsKey("Environment")
            ? "${Project}-${Environment}"
            : "${AWS::StackName}";
        foreach (var resource in template.Resources.Values.OrderBy(r => r.LogicalId, StringComparer.Ordinal))
        {
            if (!NameProperty.TryGetValue(resource.Type, out var property) || resource.Property(property) is not { } node ||
                Literal(node) is not { } name)
                continue;
            var suffix = Kebab().Replace(name, "$1-$2").ToLowerInvariant();
            warnings.Add(SourceLocation.At(template.File, node.Start).Error(
                $"'{resource.LogicalId}' ({resource.Type}) has the fixed {property} '{name}': a second stack of this template in the " +
                $"account (another environment) would collide with it. Derive it from the stack, e.g. {property}: !Sub \"{scoped}-{suffix}\", " +
                "or leave it out and CloudFormation names it"));
        }
    }

    /// <summary>The text of a name that is the same in every stack: plain text, or a !Sub without any ${…}.</summary>
    private static string? Literal(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } text } scalar when Tags.Of(scalar) == "" => text,
        YamlScalarNode { Value: { } text } scalar when Tags.Of(scalar) == "!Sub" && !text.Contains("${", StringComparison.Ordinal) => text,
        _ => null,
    };

    // WeatherData → Weather-Data, before lowering: a suggestion shaped like the names around it.
    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Kebab();
}
