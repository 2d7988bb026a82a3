using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Components;

/// <summary>The Upload target run in-process as ./build.sh would run it: Compile, Package, then upload to moto.</summary>
public sealed class UploadComponentTests : IClassFixture<MotoFixture>, IDisposable
{
    private readonly AwsCli _aws;
    private readonly TempRepository _repository = ValidRepository.Create();
    private readonly string _bucket = $"upload-component-{Guid.NewGuid():N}"[..40];

    public UploadComponentTests(MotoFixture moto)
    {
        _aws = new AwsCli(moto);
        _repository.OnLocalAws(moto.Endpoint, _bucket);
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Upload_creates_the_bucket_sends_each_artifact_once_and_prints_a_table_per_project()
    {
        var first = await RunAsync("Upload --env local");
        var second = await RunAsync("Upload --env local");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"shop → s3://{_bucket} (bucket created)", first.Output);
        Assert.Contains("uploaded", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        // The second run trusts this checkout's record of what it sent instead of asking S3 again.
        Assert.Contains("sent before", second.Output);
        var objects = (await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", _bucket)).GetProperty("Contents");
        Assert.Single(objects.EnumerateArray());
        Assert.Matches("^shop/api/[0-9a-f]{64}\\.zip$", objects[0].GetProperty("Key").GetString());
    }

    private Task<(int ExitCode, string Output)> RunAsync(string commandLine) =>
        ComponentRun.RunAsync<UploadBuild>(_repository.Root, commandLine);

    private sealed class UploadBuild : LiftoffBuild, IUpload;
}
