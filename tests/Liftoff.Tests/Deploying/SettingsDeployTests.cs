using System.Text.Json;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying;

/// <summary>
/// Every setting project.yaml gives a function takes effect: memory, timeout, architecture and environment
/// variables are in the deployed function's configuration after Deploy, and changing one deploys again.
/// The template declares no parameters for them (finding 3: they were accepted and silently did nothing).
/// </summary>
public sealed class SettingsDeployTests : IClassFixture<MotoFixture>, IDisposable
{
    private static readonly string Project = ValidRepository.ProjectWith("""
            memorySize: 512
            timeout: 15
            architecture: arm64
            environment:
              GREETING: hello from {env}
        """);

    private readonly AwsCli _aws;
    private readonly TempRepository _repository = new();

    public SettingsDeployTests(MotoFixture moto)
    {
        _aws = new AwsCli(moto);
        _repository
            .OnLocalAws(moto.Endpoint, "settings-artifacts-local")
            // No MemorySize, Timeout or Architectures parameters: the settings must reach the function another way.
            .Write("projects/shop/template.yaml", ValidRepository.TemplateWithRole)
            .Write("projects/shop/project.yaml", Project)
            .Write("projects/shop/api/index.js", "exports.handler = async () => ({ statusCode: 200, body: process.env.GREETING });\n");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Memory_timeout_architecture_and_variables_reach_the_function_and_a_change_redeploys()
    {
        var first = await DeployAsync();
        var deployed = await ConfigurationAsync();
        _repository.Write("projects/shop/project.yaml", Project.Replace("memorySize: 512", "memorySize: 1024"));
        var changed = await DeployAsync();

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(512, deployed.GetProperty("MemorySize").GetInt32());
        Assert.Equal(15, deployed.GetProperty("Timeout").GetInt32());
        Assert.Equal(["arm64"], deployed.GetProperty("Architectures").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("hello from local", deployed.GetProperty("Environment").GetProperty("Variables").GetProperty("GREETING").GetString());
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.DoesNotContain("shop: up to date", changed.Output);
        Assert.Equal(1024, (await ConfigurationAsync()).GetProperty("MemorySize").GetInt32());
    }

    private Task<JsonElement> ConfigurationAsync() =>
        _aws.JsonAsync("lambda", "get-function-configuration", "--function-name", "shop-local-lambda-api");

    private Task<(int ExitCode, string Output)> DeployAsync() => ComponentRun.RunAsync<DeployBuild>(_repository.Root, "Deploy --env local");

    private sealed class DeployBuild : LiftoffBuild, IDeploy;
}
