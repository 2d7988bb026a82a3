using Liftoff.Deploying.Stacks;

namespace Liftoff.Tests.Deploying;

public sealed class StackTemplateTests
{
    [Fact]
    public void Only_the_parameters_a_template_declares_are_passed()
    {
        var template = new StackTemplate("""
            Parameters:
              Project: {Type: String}
              ApiCodeKey: {Type: String}
            Resources:
              Api:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub "${Project}-lambda-api"
                  Code: {S3Bucket: !Ref "AWS::NoValue", S3Key: !Ref ApiCodeKey}
            """);

        var passed = template.Declared(new Dictionary<string, string> { ["Project"] = "p", ["ApiCodeKey"] = "k", ["ArtifactBucket"] = "b" });

        Assert.Equal(["ApiCodeKey", "Project"], passed.Keys.Order());
    }

    [Fact]
    public void A_JSON_template_is_read_too() =>
        Assert.Equal(["Environment"], new StackTemplate("""{"Parameters": {"Environment": {"Type": "String"}}, "Resources": {}}""").DeclaredParameters());
}
