using System.Text.Json;
using Liftoff.Aws;
using Liftoff.Aws.CodePipeline.Model;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>
/// Liftoff's CodePipeline client against moto for pipeline definitions (moto has no executions: those
/// are in <see cref="CodePipelineExecutionStubTests"/>).
/// </summary>
public sealed class CodePipelineClientTests : IClassFixture<MotoFixture>, IClassFixture<OncePerClass>, IDisposable
{
    private readonly AwsCli _cli;
    private readonly AwsClients _aws;
    private readonly OncePerClass _once;

    public CodePipelineClientTests(MotoFixture moto, OncePerClass once)
    {
        _cli = new AwsCli(moto);
        _once = once;
        _aws = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    }

    public void Dispose() => _aws.Dispose();

    private async Task<string> CreatePipelineAsync()
    {
        var name = $"cards-release-{Guid.NewGuid():N}"[..30];
        await _once.RunAsync("pipeline-role", () => _cli.RunAsync("iam", "create-role", "--role-name", "liftoff-test-pipeline", "--assume-role-policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codepipeline.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        var pipeline = $$"""
            {"name":"{{name}}","roleArn":"arn:aws:iam::123456789012:role/liftoff-test-pipeline",
             "artifactStore":{"type":"S3","location":"cards-artifacts"},
             "stages":[
               {"name":"Source","actions":[{"name":"Artifact","actionTypeId":{"category":"Source","owner":"AWS","provider":"S3","version":"1"},
                 "configuration":{"S3Bucket":"cards-artifacts","S3ObjectKey":"release.zip"},"outputArtifacts":[{"name":"release"}],"runOrder":1}]},
               {"name":"Approve","actions":[{"name":"ReleaseManager","actionTypeId":{"category":"Approval","owner":"AWS","provider":"Manual","version":"1"},"runOrder":1}]}]}
            """;
        await _cli.RunAsync("codepipeline", "create-pipeline", "--pipeline", pipeline);
        return name;
    }

    [Fact]
    public async Task GetPipeline_reads_a_pipeline_the_CLI_created_member_by_member()
    {
        var name = await CreatePipelineAsync();

        var ours = await _aws.CodePipeline.GetPipelineAsync(new GetPipelineRequest { Name = name });

        var source = ours.Pipeline!.Stages[0].Actions.Single();
        Assert.Equal(ActionCategory.Source, source.ActionTypeId!.Category);
        Assert.Equal("release.zip", source.Configuration["S3ObjectKey"]);
        Assert.Equal(ActionCategory.Approval, ours.Pipeline.Stages[1].Actions.Single().ActionTypeId!.Category);
        var theirs = await _cli.JsonAsync("codepipeline", "get-pipeline", "--name", name);
        Assert.True(FieldByField.AssertMatches(theirs, ours) >= 25);
    }

    [Fact]
    public async Task UpdatePipeline_writes_what_the_CLI_reads_back_without_losing_members()
    {
        var name = await CreatePipelineAsync();
        var pipeline = (await _aws.CodePipeline.GetPipelineAsync(new GetPipelineRequest { Name = name })).Pipeline!;
        var before = await _cli.JsonAsync("codepipeline", "get-pipeline", "--name", name);

        pipeline.Stages[0].Actions[0].Configuration["S3ObjectKey"] = "cards/api/abc123.zip";
        var updated = await _aws.CodePipeline.UpdatePipelineAsync(new UpdatePipelineRequest { Pipeline = pipeline });

        Assert.Equal(2, updated.Pipeline!.Version);
        var after = await _cli.JsonAsync("codepipeline", "get-pipeline", "--name", name);
        var action = after.GetProperty("pipeline").GetProperty("stages")[0].GetProperty("actions")[0];
        Assert.Equal("cards/api/abc123.zip", action.GetProperty("configuration").GetProperty("S3ObjectKey").GetString());
        // Everything else the CLI saw before is still there, member for member.
        Assert.Equal(
            Without(before.GetProperty("pipeline"), "version", "S3ObjectKey"),
            Without(after.GetProperty("pipeline"), "version", "S3ObjectKey"));
    }

    [Fact]
    public async Task CreatePipeline_writes_a_pipeline_with_tags_that_the_CLI_reads_back()
    {
        var existing = await CreatePipelineAsync();
        var pipeline = (await _aws.CodePipeline.GetPipelineAsync(new GetPipelineRequest { Name = existing })).Pipeline!;
        pipeline.Name = $"cards-created-{Guid.NewGuid():N}"[..30];
        pipeline.Version = null;

        var created = await _aws.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = pipeline,
            Tags = [new Tag { Key = "liftoff:environment", Value = "prod" }],
        });

        Assert.Equal(1, created.Pipeline!.Version);
        Assert.Equal("prod", Assert.Single(created.Tags).Value);
        var theirs = await _cli.JsonAsync("codepipeline", "get-pipeline", "--name", pipeline.Name);
        Assert.Equal(["Source", "Approve"], theirs.GetProperty("pipeline").GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var arn = theirs.GetProperty("metadata").GetProperty("pipelineArn").GetString();
        var tags = await _cli.JsonAsync("codepipeline", "list-tags-for-resource", "--resource-arn", arn!);
        Assert.Equal("liftoff:environment", tags.GetProperty("tags")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_missing_pipeline_is_a_typed_error_with_code_and_request_id()
    {
        var error = await Assert.ThrowsAsync<PipelineNotFoundException>(() =>
            _aws.CodePipeline.GetPipelineAsync(new GetPipelineRequest { Name = "cards-no-such-pipeline" }));

        Assert.Equal("PipelineNotFoundException", error.ErrorCode);
        Assert.Contains("cards-no-such-pipeline", error.Message);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    private static string Without(JsonElement json, params string[] names) => json.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", json.EnumerateObject().Where(p => !names.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"\"{p.Name}\":{Without(p.Value, names)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", json.EnumerateArray().Select(e => Without(e, names))) + "]",
        _ => json.GetRawText(),
    };
}
