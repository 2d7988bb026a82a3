using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CloudFront;

/// <summary>CloudFront is global in the aws partition: one endpoint, signed for us-east-1, whatever the region.</summary>
public class AmazonCloudFrontConfig() : LiftoffClientConfig(Definition)
{
    public static AwsServiceDefinition Definition { get; } = new("CloudFront", "cloudfront", "cloudfront", "2020-05-31", IsGlobal: true);
}
