using Liftoff.Configuration;
using Liftoff.Deploying;
using Liftoff.Deploying.Code;
using Liftoff.Deploying.Stacks;

namespace Liftoff.Tests.Deploying;

public sealed class DeployInputsTests
{
    private static readonly StackTemplate Template = new("""
        Parameters:
          Project: {Type: String}
          ApiCodeKey: {Type: String}
        Resources: {}
        """);

    [Fact]
    public void The_stack_gets_each_functions_code_key_and_only_declared_parameters()
    {
        var stack = DeployInputs.Stack(Environment(), Template, [new UploadedCode("api", "shop/api/abc.zip", "q83v")]);

        Assert.Equal(new Dictionary<string, string> { ["Project"] = "shop", ["ApiCodeKey"] = "shop/api/abc.zip" }, stack.Parameters);
        Assert.Equal("shop-prod", stack.StackName);
        Assert.True(stack.RequiresApproval);
    }

    [Fact]
    public void The_rollout_finds_the_function_by_its_logical_id_in_the_stack_and_takes_the_configured_strategy()
    {
        var request = DeployInputs.Rollout(Environment(), [new UploadedCode("api", "shop/api/abc.zip", "q83v")],
            new Dictionary<string, string> { ["ApiFunction"] = "shop-prod-ApiFunction-1X2Y3Z" });

        var function = Assert.Single(request.Functions);
        Assert.Equal(new FunctionDeployment("shop-prod-ApiFunction-1X2Y3Z", "shop-artifacts", "shop/api/abc.zip", "q83v") { Name = "api" }, function);
        Assert.Equal(Rollout.Canary(10, intervalMinutes: 5), request.Rollout);
        Assert.Equal(["shop-prod-errors"], request.Alarms);
    }

    [Fact]
    public void A_function_without_an_uploaded_package_says_to_upload_first()
    {
        var error = Assert.Throws<DeployException>(() => DeployInputs.Rollout(Environment(), [], new Dictionary<string, string>()));
        Assert.Contains("Upload", error.Message);
    }

    private static ProjectEnvironment Environment() => new()
    {
        Project = "shop",
        Environment = "prod",
        ProjectDirectory = "/repo/projects/shop",
        Region = "us-east-1",
        ArtifactBucket = "shop-artifacts",
        RequiresApproval = true,
        Tags = new Dictionary<string, string> { ["team"] = "web" },
        StackName = "shop-prod",
        TemplatePath = "/repo/projects/shop/template.yaml",
        StackParameters = new Dictionary<string, string> { ["Project"] = "shop", ["Environment"] = "prod" },
        TemplateParameters = ["Project", "ApiCodeKey"],
        Functions =
        [
            new FunctionEnvironment
            {
                Name = "api", Runtime = "nodejs20.x", Handler = "index.handler", Builder = FunctionBuilder.Node,
                SourceDirectory = "/repo/projects/shop/api", StagingDirectory = "/repo/.nuke/temp/staging/shop/api",
                FunctionName = "shop-prod-lambda-api", LogicalId = "ApiFunction", CodeKeyParameter = "ApiCodeKey",
                MemorySize = 256, Timeout = 10, Architecture = "arm64",
                EnvironmentVariables = new Dictionary<string, string>(), Include = ["**/*"], Exclude = [],
            },
        ],
        Outputs = new Liftoff.Configuration.StackOutputs(null, null, null),
        SmokeChecks = [],
        Rollout = new Rollout(RolloutStrategy.Canary, 10, 5, 1),
        Alarms = ["shop-prod-errors"],
    };
}
