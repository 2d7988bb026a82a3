namespace Liftoff.Ci.Policy;

/// <summary>
/// What CloudFormation needs of the CI role to create, update and delete each resource type a template holds (it acts
/// with the caller's credentials when the stack has no service role), and the ARNs those resources have under
/// Liftoff's names ({project}-{env}-{type}-{name}). Where AWS assigns the id (a REST API, a distribution), the ARN
/// cannot carry the project's name and the rule says so.
/// </summary>
internal static class ResourceTypeRules
{
    /// <summary>A rule: the statement's Sid, its actions, and the resources for one project ({p}: {project}-{env}).</summary>
    public sealed record Rule(string Sid, string[] Actions, Func<AwsNames, string, IEnumerable<string>> Resources, string? Why = null);

    public static Rule? For(string resourceType) => resourceType switch
    {
        "AWS::IAM::Role" or "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => Roles,
        "AWS::DynamoDB::Table" => Tables,
        "AWS::S3::Bucket" or "AWS::S3::BucketPolicy" => Buckets,
        "AWS::Logs::LogGroup" => LogGroups,
        "AWS::CloudWatch::Alarm" => Alarms,
        "AWS::SNS::Topic" or "AWS::SNS::Subscription" => Topics,
        "AWS::SQS::Queue" or "AWS::SQS::QueuePolicy" => Queues,
        "AWS::Lambda::EventSourceMapping" => EventSourceMappings,
        _ when resourceType.StartsWith("AWS::ApiGateway::", StringComparison.Ordinal) => RestApis,
        _ when resourceType.StartsWith("AWS::CloudFront::", StringComparison.Ordinal) => Distributions,
        // Functions, versions, aliases and permissions: the Functions statement covers them (Liftoff rolls code out itself).
        _ when resourceType.StartsWith("AWS::Lambda::", StringComparison.Ordinal) => Covered,
        _ => null,
    };

    /// <summary>Handled by a statement Liftoff always writes.</summary>
    public static readonly Rule Covered = new("", [], (_, _) => []);

    private static readonly Rule Roles = new("Roles",
        ["iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole",
         "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
         "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"],
        // Named roles are {p}-role-x; roles CloudFormation names itself start with the stack's name, {p}-.
        (aws, p) => [aws.Arn("iam", $"role/{p}-*", regional: false)]);

    private static readonly Rule Tables = new("Tables",
        ["dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:DescribeTable", "dynamodb:UpdateTable", "dynamodb:TagResource",
         "dynamodb:UntagResource", "dynamodb:ListTagsOfResource", "dynamodb:DescribeContinuousBackups", "dynamodb:UpdateContinuousBackups",
         "dynamodb:DescribeTimeToLive", "dynamodb:UpdateTimeToLive"],
        (aws, p) => [aws.Arn("dynamodb", $"table/{p}-dynamodb-*")]);

    private static readonly Rule Buckets = new("Buckets",
        ["s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:GetBucketLocation", "s3:PutBucketPolicy", "s3:GetBucketPolicy",
         "s3:DeleteBucketPolicy", "s3:PutBucketTagging", "s3:GetBucketTagging", "s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
         "s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration", "s3:PutBucketCORS", "s3:GetBucketCORS",
         "s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration", "s3:PutBucketVersioning", "s3:GetBucketVersioning",
         "s3:PutBucketOwnershipControls", "s3:GetBucketOwnershipControls"],
        (aws, p) => [$"arn:{aws.Partition}:s3:::{p}-s3-*"]);

    private static readonly Rule LogGroups = new("LogGroups",
        ["logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy", "logs:TagResource",
         "logs:UntagResource", "logs:ListTagsForResource", "logs:TagLogGroup", "logs:UntagLogGroup"],
        (aws, p) => [aws.Arn("logs", $"log-group:/aws/lambda/{p}-*"), aws.Arn("logs", $"log-group:/aws/lambda/{p}-*:*")]);

    private static readonly Rule Alarms = new("Alarms",
        ["cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:TagResource",
         "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource"],
        (aws, p) => [aws.Arn("cloudwatch", $"alarm:{p}-alarm-*")]);

    private static readonly Rule Topics = new("Topics",
        ["sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:TagResource", "sns:UntagResource",
         "sns:ListTagsForResource", "sns:Subscribe", "sns:Unsubscribe"],
        (aws, p) => [aws.Arn("sns", $"{p}-*")]);

    private static readonly Rule Queues = new("Queues",
        ["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:UntagQueue",
         "sqs:ListQueueTags"],
        (aws, p) => [aws.Arn("sqs", $"{p}-*")]);

    private static readonly Rule EventSourceMappings = new("EventSourceMappingsIdsAssignedByAws",
        ["lambda:CreateEventSourceMapping", "lambda:GetEventSourceMapping", "lambda:UpdateEventSourceMapping", "lambda:DeleteEventSourceMapping"],
        (aws, _) => [aws.Arn("lambda", "event-source-mapping:*")],
        "An event source mapping's ARN holds an id AWS assigns when it is created, never the project's name.");

    private static readonly Rule RestApis = new("RestApisIdsAssignedByAws",
        ["apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"],
        (aws, _) => [aws.Arn("apigateway", "/restapis", inAccount: false), aws.Arn("apigateway", "/restapis/*", inAccount: false)],
        "A REST API's ARN holds the id API Gateway assigns when it is created, never its name; /restapis is where it is created.");

    private static readonly Rule Distributions = new("CloudFrontIdsAssignedByAws",
        ["cloudfront:CreateDistribution", "cloudfront:CreateDistributionWithTags", "cloudfront:UpdateDistribution", "cloudfront:GetDistribution",
         "cloudfront:GetDistributionConfig", "cloudfront:DeleteDistribution", "cloudfront:TagResource", "cloudfront:UntagResource",
         "cloudfront:ListTagsForResource", "cloudfront:CreateInvalidation", "cloudfront:GetInvalidation",
         "cloudfront:CreateOriginAccessControl", "cloudfront:GetOriginAccessControl", "cloudfront:UpdateOriginAccessControl",
         "cloudfront:DeleteOriginAccessControl"],
        (aws, _) => [aws.Arn("cloudfront", "distribution/*", regional: false), aws.Arn("cloudfront", "origin-access-control/*", regional: false)],
        "CloudFront distributions and origin access controls have ids CloudFront assigns (E2ABC...), never the project's name, and are global.");
}
