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
    public void A_copy_with_another_text_reads_its_own_parameters_and_equals_by_its_text()
    {
        var yaml = new StackTemplate("Parameters:\n  Secret: {Type: String, NoEcho: true}\n");
        Assert.Equal(["Secret"], yaml.NoEchoParameters()); // the original read first

        var translated = yaml with { Body = """{"Parameters": {"Plain": {"Type": "String"}, "Token": {"Type": "String", "NoEcho": "true"}}}""" };

        Assert.Equal(["Token"], translated.NoEchoParameters());
        Assert.Equal(["Plain", "Token"], translated.DeclaredParameters()!.Order());
        Assert.Equal(yaml, new StackTemplate(yaml.Body));
        Assert.NotEqual(yaml, translated);
    }

    [Fact]
    public void A_JSON_template_is_read_too() =>
        Assert.Equal(["Environment"], new StackTemplate("""{"Parameters": {"Environment": {"Type": "String"}}, "Resources": {}}""").DeclaredParameters());

    [Fact]
    public void Defaults_are_read_as_text_and_a_parameter_without_one_has_none()
    {
        var template = new StackTemplate("""
            Parameters:
              MemorySize: {Type: Number, Default: 256}
              Environment: {Type: String}
              Subnets: {Type: CommaDelimitedList, Default: [a, b]}
            Resources: {}
            """);

        var defaults = template.ParameterDefaults()!;

        Assert.Equal("256", defaults["MemorySize"]);
        Assert.Null(defaults["Environment"]);
        Assert.Null(defaults["Subnets"]);
        Assert.Null(new StackTemplate("Parameters: [unclosed").ParameterDefaults());
    }

    [Fact]
    public void A_parameter_CloudFormation_looks_up_in_Systems_Manager_at_each_update_is_recognised()
    {
        Assert.True(new StackTemplate("""
            Parameters:
              Image: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami}
            Resources: {}
            """).ResolvesFromSsm());
        Assert.False(new StackTemplate("""
            Parameters:
              Secret: {Type: String, NoEcho: true}
            Resources: {}
            """).ResolvesFromSsm());
        // Text that cannot be read is taken as the unsafe case.
        Assert.True(new StackTemplate("Parameters: [unclosed").ResolvesFromSsm());
    }
}
