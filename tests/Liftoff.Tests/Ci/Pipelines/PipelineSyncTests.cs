using System.Text.Json;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Aws;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Ci.Pipelines;

/// <summary>PipelineSync run in-process against moto, which stores pipeline definitions; the AWS CLI reads them back.</summary>
public sealed class PipelineSyncTests : IClassFixture<MotoFixture>, IClassFixture<OncePerClass>, IDisposable
{
    private readonly AwsCli _cli;
    private readonly OncePerClass _once;
    private readonly TempRepository _repository = ValidRepository.Create();
    private readonly string _name = $"shop-{Guid.NewGuid():N}"[..20];
    private readonly MotoFixture _moto;

    public PipelineSyncTests(MotoFixture moto, OncePerClass once)
    {
        _moto = moto;
        _cli = new AwsCli(moto);
        _once = once;
        WriteEnvironments(branch: "main");
    }

    public void Dispose() => _repository.Dispose();

    private void WriteEnvironments(string branch) => _repository.Write("environments.yaml", $"""
        environments:
          dev:
            region: us-east-1
            endpointUrl: {_moto.Endpoint}
            artifactBucket: shop-artifacts-{"{env}"}
            pipeline:
              roleArn: arn:aws:iam::123456789012:role/liftoff-pipeline
              repository: shop
              name: {_name}-dev
          prod:
            region: us-east-1
            endpointUrl: {_moto.Endpoint}
            artifactBucket: shop-artifacts-{"{env}"}
            requiresApproval: true
            pipeline:
              roleArn: arn:aws:iam::123456789012:role/liftoff-pipeline
              repository: shop
              branch: {branch}
              name: {_name}-prod
        """);

    // moto, like AWS, creates a pipeline only with a role that trusts codepipeline.amazonaws.com.
    private Task RoleAsync() => _once.RunAsync("pipeline-role", () => _cli.RunAsync("iam", "create-role", "--role-name", "liftoff-pipeline",
        "--assume-role-policy-document",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));

    [Fact]
    public async Task Creates_source_build_approval_and_deploy_stages_for_an_environment_that_needs_approval()
    {
        await RoleAsync();

        var run = await RunAsync("PipelineSync --env prod");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("(created, version 1)", run.Output);
        var pipeline = (await _cli.JsonAsync("codepipeline", "get-pipeline", "--name", $"{_name}-prod")).GetProperty("pipeline");
        Assert.Equal(["Source", "Build", "Approve", "Deploy"], pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("shop-artifacts-prod", pipeline.GetProperty("artifactStore").GetProperty("location").GetString());
        var source = Action(pipeline, "Source");
        Assert.Equal("CodeCommit", source.GetProperty("actionTypeId").GetProperty("provider").GetString());
        Assert.Equal("main", source.GetProperty("configuration").GetProperty("BranchName").GetString());
        Assert.Equal("Test Package Upload --env prod", BuildArguments(Action(pipeline, "Build")));
        Assert.Equal("Manual", Action(pipeline, "Approve").GetProperty("actionTypeId").GetProperty("provider").GetString());
        var deploy = Action(pipeline, "Deploy");
        Assert.Equal("Deploy --env prod --approve", BuildArguments(deploy));
        Assert.Equal("shop-prod-build", deploy.GetProperty("configuration").GetProperty("ProjectName").GetString());
    }

    [Fact]
    public async Task An_environment_without_approval_has_no_approval_stage()
    {
        await RoleAsync();

        var run = await RunAsync("PipelineSync --env dev");

        Assert.True(run.ExitCode == 0, run.Output);
        var pipeline = (await _cli.JsonAsync("codepipeline", "get-pipeline", "--name", $"{_name}-dev")).GetProperty("pipeline");
        Assert.Equal(["Source", "Build", "Deploy"], pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_second_sync_changes_nothing_and_a_changed_configuration_updates_the_pipeline()
    {
        await RoleAsync();
        await RunAsync("PipelineSync --env prod");

        var again = await RunAsync("PipelineSync --env prod");
        WriteEnvironments(branch: "release");
        var changed = await RunAsync("PipelineSync --env prod");

        Assert.Contains("(unchanged, version 1)", again.Output);
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Contains("(updated, version 2)", changed.Output);
        var pipeline = (await _cli.JsonAsync("codepipeline", "get-pipeline", "--name", $"{_name}-prod")).GetProperty("pipeline");
        Assert.Equal(2, pipeline.GetProperty("version").GetInt32());
        Assert.Equal("release", Action(pipeline, "Source").GetProperty("configuration").GetProperty("BranchName").GetString());
    }

    [Fact]
    public async Task An_environment_without_a_pipeline_says_what_to_add()
    {
        _repository.Write("environments.yaml", $"""
            environments:
              dev:
                region: us-east-1
                endpointUrl: {_moto.Endpoint}
                artifactBucket: shop-artifacts-dev
            """);

        var run = await RunAsync("PipelineSync --env dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'dev' has no pipeline. Add environments.dev.pipeline", run.Output);
    }

    private static JsonElement Action(JsonElement pipeline, string stage) =>
        pipeline.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == stage).GetProperty("actions")[0];

    private static string? BuildArguments(JsonElement action) =>
        JsonDocument.Parse(action.GetProperty("configuration").GetProperty("EnvironmentVariables").GetString()!).RootElement
            .EnumerateArray().Single(v => v.GetProperty("name").GetString() == "BUILD_ARGUMENTS").GetProperty("value").GetString();

    private Task<(int ExitCode, string Output)> RunAsync(string commandLine) =>
        ComponentRun.RunAsync<PipelineBuild>(_repository.Root, commandLine);

    private sealed class PipelineBuild : LiftoffBuild, IPipeline;
}
