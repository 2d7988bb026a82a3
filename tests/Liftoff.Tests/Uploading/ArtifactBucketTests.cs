using Liftoff.Uploading;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Uploading;

public sealed class ArtifactBucketTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    private readonly AwsCli _aws = new(moto);

    [Fact]
    public async Task A_missing_bucket_is_created_versioned_encrypted_private_and_with_a_lifecycle()
    {
        var name = MotoS3.UniqueBucket("artifacts");
        using var s3 = MotoS3.Client(moto);

        var state = await new ArtifactBucket(s3, name, moto.Region).EnsureAsync(CancellationToken.None);

        Assert.Equal(BucketState.Created, state);
        var versioning = await _aws.JsonAsync("s3api", "get-bucket-versioning", "--bucket", name);
        Assert.Equal("Enabled", versioning.GetProperty("Status").GetString());

        var encryption = await _aws.JsonAsync("s3api", "get-bucket-encryption", "--bucket", name);
        var rule = encryption.GetProperty("ServerSideEncryptionConfiguration").GetProperty("Rules")[0];
        Assert.Equal("AES256", rule.GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());

        var block = (await _aws.JsonAsync("s3api", "get-public-access-block", "--bucket", name))
            .GetProperty("PublicAccessBlockConfiguration");
        foreach (var setting in new[] { "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" })
            Assert.True(block.GetProperty(setting).GetBoolean(), setting);

        var rules = (await _aws.JsonAsync("s3api", "get-bucket-lifecycle-configuration", "--bucket", name))
            .GetProperty("Rules").EnumerateArray().ToDictionary(r => r.GetProperty("ID").GetString()!);
        var noncurrent = rules["liftoff-noncurrent-versions"];
        Assert.Equal("Enabled", noncurrent.GetProperty("Status").GetString());
        Assert.Equal(30, noncurrent.GetProperty("NoncurrentVersionExpiration").GetProperty("NoncurrentDays").GetInt32());
        Assert.Equal(7, noncurrent.GetProperty("AbortIncompleteMultipartUpload").GetProperty("DaysAfterInitiation").GetInt32());
        var templates = rules["liftoff-templates"];
        Assert.Equal("templates/", templates.GetProperty("Filter").GetProperty("Prefix").GetString());
        Assert.Equal(30, templates.GetProperty("Expiration").GetProperty("Days").GetInt32());
    }

    [Fact]
    public async Task Outside_us_east_1_the_bucket_is_created_in_the_environments_region()
    {
        var name = MotoS3.UniqueBucket("artifacts-eu");
        using var s3 = MotoS3.Client(moto, "eu-west-1");

        await new ArtifactBucket(s3, name, "eu-west-1").EnsureAsync(CancellationToken.None);

        var location = await _aws.JsonAsync("s3api", "get-bucket-location", "--bucket", name);
        Assert.Equal("eu-west-1", location.GetProperty("LocationConstraint").GetString());
    }

    [Fact]
    public async Task An_existing_bucket_is_used_as_it_is()
    {
        var name = MotoS3.UniqueBucket("existing");
        await _aws.RunAsync("s3api", "create-bucket", "--bucket", name);
        using var s3 = MotoS3.Client(moto);

        var state = await new ArtifactBucket(s3, name, moto.Region).EnsureAsync(CancellationToken.None);

        Assert.Equal(BucketState.AlreadyExisted, state);
        var versioning = await _aws.JsonAsync("s3api", "get-bucket-versioning", "--bucket", name);
        var versioned = versioning.ValueKind == System.Text.Json.JsonValueKind.Object && versioning.TryGetProperty("Status", out _);
        Assert.False(versioned, "an existing bucket's settings are not changed");
    }

    [Fact]
    public async Task Ensuring_twice_creates_once()
    {
        var name = MotoS3.UniqueBucket("twice");
        using var s3 = MotoS3.Client(moto);
        var bucket = new ArtifactBucket(s3, name, moto.Region);

        Assert.Equal(BucketState.Created, await bucket.EnsureAsync(CancellationToken.None));
        Assert.Equal(BucketState.AlreadyExisted, await bucket.EnsureAsync(CancellationToken.None));
    }
}
