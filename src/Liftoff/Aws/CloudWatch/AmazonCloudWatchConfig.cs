using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudWatch;

/// <summary>CloudWatch (signing name and endpoint prefix: monitoring; IAM actions: cloudwatch:*).</summary>
public class AmazonCloudWatchConfig() : LiftoffClientConfig(Definition)
{
    public static AwsServiceDefinition Definition { get; } = new("CloudWatch", "monitoring", "monitoring", "2010-08-01", IamPrefix: "cloudwatch");
}
