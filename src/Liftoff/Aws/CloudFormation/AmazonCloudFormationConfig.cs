using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudFormation;

public class AmazonCloudFormationConfig() : LiftoffClientConfig(Definition)
{
    public static AwsServiceDefinition Definition { get; } = new("CloudFormation", "cloudformation", "cloudformation", "2010-05-15");
}
