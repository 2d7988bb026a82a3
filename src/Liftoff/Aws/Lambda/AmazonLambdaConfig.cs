using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.Lambda;

/// <summary>Lambda's client settings; everything else (region, ServiceURL, retries, timeouts) is the SDK's ClientConfig.</summary>
public class AmazonLambdaConfig() : LiftoffClientConfig(Definition)
{
    public static AwsServiceDefinition Definition { get; } = new("Lambda", "lambda", "lambda", "2015-03-31");
}
