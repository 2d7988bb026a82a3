using Liftoff.Aws.Storage;
using Liftoff.Uploading;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Uploading;

public sealed class UploadRunTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private readonly AwsCli _aws = new(moto);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("liftoff-uploadrun-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Every_project_uploads_to_its_environments_bucket_which_is_created_once()
    {
        var shared = MotoS3.UniqueBucket("staging-art");
        var own = MotoS3.UniqueBucket("other-art");
        using var s3 = MotoS3.Client(moto);
        var projects = new[]
        {
            new ProjectUpload("people", shared, moto.Region, s3, [await ArtifactAsync("people", "api"), await ArtifactAsync("people", "worker")]),
            new ProjectUpload("cards", shared, moto.Region, s3, [await ArtifactAsync("cards", "render")]),
            new ProjectUpload("notes", own, moto.Region, s3, [await ArtifactAsync("notes", "api")]),
        };

        var results = await new UploadRun().RunAsync(projects, CancellationToken.None);

        Assert.Equal(["people", "cards", "notes"], results.Select(r => r.Project));
        Assert.Equal([BucketState.Created, BucketState.AlreadyExisted, BucketState.Created], results.Select(r => r.BucketState));
        foreach (var bucket in new[] { shared, own })
            Assert.Equal("Enabled", (await _aws.JsonAsync("s3api", "get-bucket-versioning", "--bucket", bucket)).GetProperty("Status").GetString());
        var keys = (await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", shared)).GetProperty("Contents")
            .EnumerateArray().Select(o => o.GetProperty("Key").GetString()!.Split('/')[0] + "/" + o.GetProperty("Key").GetString()!.Split('/')[1])
            .Order().ToArray();
        Assert.Equal(["cards/render", "people/api", "people/worker"], keys);

        var again = await new UploadRun().RunAsync(projects, CancellationToken.None);
        Assert.All(again.SelectMany(r => r.Uploads), u => Assert.Equal(UploadOutcome.AlreadyPresent, u.Outcome));
        Assert.All(again, r => Assert.Equal(0, r.BytesSent));
    }

    private async Task<ArtifactToUpload> ArtifactAsync(string project, string function)
    {
        var path = Path.Combine(_work.FullName, $"{project}-{function}.zip");
        await File.WriteAllBytesAsync(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1000));
        return new ArtifactToUpload(project, function, ContentHash.Hex(await ContentHash.OfFileAsync(path, CancellationToken.None)), path);
    }
}
