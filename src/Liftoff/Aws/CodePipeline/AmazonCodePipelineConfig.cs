using Liftoff.Aws.Runtime;

namespace Liftoff.Aws.CodePipeline;

public class AmazonCodePipelineConfig() : LiftoffClientConfig(Definition)
{
    public static AwsServiceDefinition Definition { get; } = new("CodePipeline", "codepipeline", "codepipeline", "2015-07-09");
}
