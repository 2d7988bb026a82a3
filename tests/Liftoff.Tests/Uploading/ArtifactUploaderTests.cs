using Liftoff.Aws.Storage;
using Liftoff.Uploading;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Uploading;

public sealed class ArtifactUploaderTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private readonly AwsCli _aws = new(moto);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("liftoff-upload-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Each_artifact_is_stored_under_its_content_address_with_its_sha256()
    {
        var bucket = await NewBucketAsync();
        var api = await ZipAsync("people", "api", 3000);
        var worker = await ZipAsync("people", "worker", 2000);
        var site = await ZipAsync("cards", "render", 1000);
        using var s3 = MotoS3.Client(moto);

        var results = await new ArtifactUploader(s3).UploadAsync(bucket, [api, worker, site], CancellationToken.None);

        Assert.Equal(["people/api", "people/worker", "cards/render"], results.Select(r => $"{r.Project}/{r.Function}"));
        Assert.All(results, r => Assert.Equal(UploadOutcome.Uploaded, r.Outcome));
        Assert.Equal($"people/api/{api.Sha256Hex}.zip", results[0].Key);
        Assert.Equal(3000, results[0].BytesSent);
        var head = await _aws.JsonAsync("s3api", "head-object", "--bucket", bucket, "--key", results[0].Key);
        Assert.Equal(api.Sha256Hex, head.GetProperty("Metadata").GetProperty("sha256").GetString());
        Assert.Equal(3000, head.GetProperty("ContentLength").GetInt64());
        await _aws.RunAsync("s3api", "get-object", "--bucket", bucket, "--key", results[0].Key, Path.Combine(_work.FullName, "back.zip"));
        Assert.Equal(await File.ReadAllBytesAsync(api.FilePath), await File.ReadAllBytesAsync(Path.Combine(_work.FullName, "back.zip")));
    }

    [Fact]
    public async Task An_artifact_already_stored_is_not_sent_again()
    {
        var bucket = await NewBucketAsync();
        var api = await ZipAsync("people", "api", 4000);
        using var s3 = MotoS3.Client(moto);
        var uploader = new ArtifactUploader(s3);
        await uploader.UploadAsync(bucket, [api], CancellationToken.None);
        var before = await _aws.JsonAsync("s3api", "head-object", "--bucket", bucket, "--key", api.Key);

        var again = await uploader.UploadAsync(bucket, [api], CancellationToken.None);

        Assert.Equal(UploadOutcome.AlreadyPresent, again[0].Outcome);
        Assert.Equal(0, again[0].BytesSent);
        var after = await _aws.JsonAsync("s3api", "head-object", "--bucket", bucket, "--key", api.Key);
        Assert.Equal(before.GetProperty("VersionId").GetString(), after.GetProperty("VersionId").GetString());
        Assert.Equal(before.GetProperty("LastModified").GetString(), after.GetProperty("LastModified").GetString());
        var versions = await _aws.JsonAsync("s3api", "list-object-versions", "--bucket", bucket, "--prefix", api.Key);
        Assert.Equal(1, versions.GetProperty("Versions").GetArrayLength());
    }

    [Fact]
    public async Task An_object_under_the_key_without_the_same_sha256_is_replaced()
    {
        var bucket = await NewBucketAsync();
        var api = await ZipAsync("people", "api", 500);
        await _aws.RunAsync("s3api", "put-object", "--bucket", bucket, "--key", api.Key, "--body", await ZipPathAsync("stray", 10));
        using var s3 = MotoS3.Client(moto);

        var result = await new ArtifactUploader(s3).UploadAsync(bucket, [api], CancellationToken.None);

        Assert.Equal(UploadOutcome.Uploaded, result[0].Outcome);
        var head = await _aws.JsonAsync("s3api", "head-object", "--bucket", bucket, "--key", api.Key);
        Assert.Equal(500, head.GetProperty("ContentLength").GetInt64());
    }

    [Fact]
    public async Task A_file_over_the_threshold_goes_up_in_parts()
    {
        var bucket = await NewBucketAsync();
        var big = await ZipAsync("people", "big", 11 * 1024 * 1024);
        using var s3 = MotoS3.Client(moto);
        var options = new ArtifactUploadOptions { MultipartThreshold = 5 * 1024 * 1024, PartSize = 5 * 1024 * 1024 };

        var result = await new ArtifactUploader(s3, options).UploadAsync(bucket, [big], CancellationToken.None);

        Assert.True(result[0].Multipart);
        var head = await _aws.JsonAsync("s3api", "head-object", "--bucket", bucket, "--key", big.Key);
        // A multipart object's ETag is the hash of its parts' hashes followed by -<number of parts>.
        Assert.EndsWith("-3\"", head.GetProperty("ETag").GetString());
        Assert.Equal(big.Sha256Hex, head.GetProperty("Metadata").GetProperty("sha256").GetString());
        Assert.Equal(11 * 1024 * 1024, head.GetProperty("ContentLength").GetInt64());

        var again = await new ArtifactUploader(s3, options).UploadAsync(bucket, [big], CancellationToken.None);
        Assert.Equal(UploadOutcome.AlreadyPresent, again[0].Outcome);
    }

    [Fact]
    public async Task A_file_changed_since_it_was_packaged_is_rejected()
    {
        var bucket = await NewBucketAsync();
        var api = await ZipAsync("people", "api", 800);
        await File.WriteAllBytesAsync(api.FilePath, new byte[800]);
        using var s3 = MotoS3.Client(moto);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new ArtifactUploader(s3).UploadAsync(bucket, [api], CancellationToken.None));

        Assert.Contains("people/api", e.Message);
        Assert.Contains("./build.sh Package", e.Message);
        var listing = await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", bucket);
        Assert.False(listing.ValueKind == System.Text.Json.JsonValueKind.Object && listing.TryGetProperty("Contents", out _));
    }

    [Fact]
    public async Task A_missing_package_names_the_file_and_the_way_out()
    {
        using var s3 = MotoS3.Client(moto);
        var missing = new ArtifactToUpload("people", "api", new string('0', 64), Path.Combine(_work.FullName, "nope.zip"));

        var e = await Assert.ThrowsAsync<FileNotFoundException>(
            () => new ArtifactUploader(s3).UploadAsync("any", [missing], CancellationToken.None));

        Assert.Contains("nope.zip", e.Message);
        Assert.Contains("./build.sh Package", e.Message);
    }

    private async Task<string> NewBucketAsync()
    {
        var name = MotoS3.UniqueBucket("upload");
        using var s3 = MotoS3.Client(moto);
        await new ArtifactBucket(s3, name, moto.Region).EnsureAsync(CancellationToken.None);
        return name;
    }

    private async Task<ArtifactToUpload> ZipAsync(string project, string function, int size)
    {
        var path = await ZipPathAsync($"{project}-{function}", size);
        var sha = ContentHash.Hex(await ContentHash.OfFileAsync(path, CancellationToken.None));
        return new ArtifactToUpload(project, function, sha, path);
    }

    private async Task<string> ZipPathAsync(string name, int size)
    {
        // Random bytes stand in for a zip: S3 never looks inside, and each file gets a distinct hash.
        var path = Path.Combine(_work.FullName, $"{name}-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(size));
        return path;
    }
}
