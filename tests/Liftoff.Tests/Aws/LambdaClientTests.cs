using Liftoff.Aws;
using Liftoff.Aws.Lambda;
using Liftoff.Aws.Lambda.Model;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>Liftoff's Lambda client against moto, read back and written by the AWS CLI.</summary>
public sealed class LambdaClientTests : IClassFixture<MotoFixture>, IClassFixture<OncePerClass>, IDisposable
{
    private readonly AwsCli _cli;
    private readonly MotoLambda _functions;
    private readonly AwsClients _aws;

    public LambdaClientTests(MotoFixture moto, OncePerClass once)
    {
        _cli = new AwsCli(moto);
        _functions = new MotoLambda(_cli, once);
        _aws = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    }

    public void Dispose() => _aws.Dispose();

    private static string Name(string test) => $"liftoff-{test}-{Guid.NewGuid():N}"[..40];

    [Fact]
    public async Task GetFunction_reads_what_the_CLI_created_member_by_member()
    {
        var name = Name("get");
        var arn = await _functions.CreateFunctionAsync(name);

        var ours = await _aws.Lambda.GetFunctionAsync(new GetFunctionRequest { FunctionName = name });
        var theirs = await _cli.JsonAsync("lambda", "get-function", "--function-name", name);

        Assert.Equal(arn, ours.Configuration!.FunctionArn);
        Assert.Equal(Runtime.Nodejs20X, ours.Configuration.Runtime);
        Assert.NotNull(ours.ResponseMetadata.RequestId);
        // The code location is a presigned URL, different on every call.
        var compared = FieldByField.AssertMatches(theirs, ours, nameof(GetFunctionResponse.Code));
        Assert.True(compared >= 15, $"only {compared} members compared");
    }

    [Fact]
    public async Task GetFunctionConfiguration_agrees_with_the_CLI_member_by_member()
    {
        var name = Name("config");
        await _functions.CreateFunctionAsync(name);

        var ours = await _aws.Lambda.GetFunctionConfigurationAsync(new GetFunctionConfigurationRequest { FunctionName = name });
        var theirs = await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", name);

        Assert.Equal(LastUpdateStatus.Successful, ours.LastUpdateStatus);
        Assert.True(FieldByField.AssertMatches(theirs, ours) >= 15);
    }

    [Fact]
    public async Task UpdateFunctionCode_with_a_zip_is_the_code_the_CLI_then_sees()
    {
        var name = Name("zip");
        await _functions.CreateFunctionAsync(name);
        var zip = MotoLambda.Zip("return { statusCode: 201 };");

        var updated = await _aws.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = name, ZipFile = new MemoryStream(zip) });
        var settled = await _aws.Lambda.WaitUntilFunctionUpdatedAsync(name, CancellationToken.None);

        Assert.Equal(MotoLambda.CodeSha256(zip), updated.CodeSha256);
        Assert.Equal(LastUpdateStatus.Successful, settled.LastUpdateStatus);
        var theirs = await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", name);
        Assert.Equal(MotoLambda.CodeSha256(zip), theirs.GetProperty("CodeSha256").GetString());
        Assert.Equal(zip.Length, theirs.GetProperty("CodeSize").GetInt64());
    }

    [Fact]
    public async Task UpdateFunctionCode_from_S3_deploys_the_uploaded_object()
    {
        var name = Name("s3");
        await _functions.CreateFunctionAsync(name);
        var bucket = $"liftoff-artifacts-{Guid.NewGuid():N}"[..40];
        var zip = MotoLambda.Zip("return { statusCode: 202 };");
        await _aws.S3.PutBucketAsync(bucket);
        await _aws.S3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = bucket, Key = "api/code.zip", InputStream = new MemoryStream(zip) });

        var updated = await _aws.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = name, S3Bucket = bucket, S3Key = "api/code.zip" });

        Assert.Equal(MotoLambda.CodeSha256(zip), updated.CodeSha256);
        var theirs = await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", name);
        Assert.Equal(MotoLambda.CodeSha256(zip), theirs.GetProperty("CodeSha256").GetString());
    }

    [Fact]
    public async Task PublishVersion_numbers_versions_and_reuses_the_latest_when_nothing_changed()
    {
        var name = Name("publish");
        await _functions.CreateFunctionAsync(name);

        var first = await _aws.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = name, Description = "first" });
        var again = await _aws.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = name });
        await _aws.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = name, ZipFile = new MemoryStream(MotoLambda.Zip("return 2;")) });
        var second = await _aws.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = name });

        Assert.Equal("1", first.Version);
        Assert.Equal("1", again.Version); // AWS: unchanged code and configuration publish no new version
        Assert.Equal("2", second.Version);
        var theirs = await _cli.JsonAsync("lambda", "get-function-configuration", "--function-name", name, "--qualifier", "2");
        Assert.True(FieldByField.AssertMatches(theirs, second) >= 15);
    }

    [Fact]
    public async Task The_versions_paginator_lists_every_version_the_CLI_lists()
    {
        var name = Name("pages");
        await _functions.CreateFunctionAsync(name);
        for (var i = 1; i <= 3; i++)
        {
            await _aws.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = name, ZipFile = new MemoryStream(MotoLambda.Zip($"return {i};")) });
            await _aws.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = name });
        }

        var paginator = _aws.Lambda.Paginators.ListVersionsByFunction(new ListVersionsByFunctionRequest { FunctionName = name, MaxItems = 1 });
        var versions = new List<string>();
        await foreach (var version in paginator.Versions)
            versions.Add(version.Version!);

        var theirs = await _cli.JsonAsync("lambda", "list-versions-by-function", "--function-name", name);
        Assert.Equal(theirs.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()), versions);
        Assert.Equal(["$LATEST", "1", "2", "3"], versions);
    }

    [Fact]
    public async Task An_alias_with_weighted_routing_is_what_the_CLI_reads_back()
    {
        var name = Name("alias");
        await _functions.CreateFunctionAsync(name);
        await _aws.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = name });
        await _aws.Lambda.UpdateFunctionCodeAsync(new UpdateFunctionCodeRequest { FunctionName = name, ZipFile = new MemoryStream(MotoLambda.Zip("return 2;")) });
        await _aws.Lambda.PublishVersionAsync(new PublishVersionRequest { FunctionName = name });

        var created = await _aws.Lambda.CreateAliasAsync(new CreateAliasRequest { FunctionName = name, Name = "live", FunctionVersion = "1", Description = "what users get" });
        var shifted = await _aws.Lambda.UpdateAliasAsync(new UpdateAliasRequest
        {
            FunctionName = name, Name = "live", FunctionVersion = "1",
            RoutingConfig = new AliasRoutingConfiguration { AdditionalVersionWeights = { ["2"] = 0.1 } },
        });

        Assert.EndsWith($"{name}:live", created.AliasArn);
        Assert.Equal(0.1, shifted.RoutingConfig!.AdditionalVersionWeights["2"]);
        var theirs = await _cli.JsonAsync("lambda", "get-alias", "--function-name", name, "--name", "live");
        Assert.Equal("1", theirs.GetProperty("FunctionVersion").GetString());
        Assert.Equal(0.1, theirs.GetProperty("RoutingConfig").GetProperty("AdditionalVersionWeights").GetProperty("2").GetDouble());
        var read = await _aws.Lambda.GetAliasAsync(new GetAliasRequest { FunctionName = name, Name = "live" });
        Assert.True(FieldByField.AssertMatches(theirs, read) >= 5);
    }

    [Fact]
    public async Task GetAlias_reads_an_alias_the_CLI_created()
    {
        var name = Name("clialias");
        await _functions.CreateFunctionAsync(name);
        await _cli.RunAsync("lambda", "publish-version", "--function-name", name);
        var theirs = await _cli.JsonAsync("lambda", "create-alias", "--function-name", name, "--name", "live", "--function-version", "1",
            "--routing-config", """{"AdditionalVersionWeights":{"1":0.25}}""");

        var ours = await _aws.Lambda.GetAliasAsync(new GetAliasRequest { FunctionName = name, Name = "live" });

        Assert.Equal(0.25, ours.RoutingConfig!.AdditionalVersionWeights["1"]);
        Assert.True(FieldByField.AssertMatches(theirs, ours) >= 5);
    }

    [Fact]
    public async Task A_missing_function_is_a_typed_error_with_code_message_and_request_id()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            _aws.Lambda.GetFunctionConfigurationAsync(new GetFunctionConfigurationRequest { FunctionName = "liftoff-no-such-function" }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Contains("liftoff-no-such-function", error.Message);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.IsAssignableFrom<AmazonLambdaException>(error);
    }
}
