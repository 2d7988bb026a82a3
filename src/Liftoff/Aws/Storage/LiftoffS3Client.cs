using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Liftoff.Aws.Local;

namespace Liftoff.Aws.Storage;

/// <summary>The SDK's own S3 client, which fails at once when a local AWS has stopped (<see cref="LocalEndpointRefusal"/>).</summary>
internal sealed class LiftoffS3Client(AWSCredentials credentials, AmazonS3Config config) : AmazonS3Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        LocalEndpointRefusal.AddTo(pipeline, Config.ServiceURL);
    }
}
