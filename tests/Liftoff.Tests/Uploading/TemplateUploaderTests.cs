using System.Text;
using Liftoff.Uploading;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Uploading;

public sealed class TemplateUploaderTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    private readonly AwsCli _aws = new(moto);

    [Fact]
    public async Task A_template_within_the_inline_limit_is_passed_inline_and_not_stored()
    {
        var bucket = await NewBucketAsync();
        using var s3 = MotoS3.Client(moto);
        var template = Template(paddingBytes: 1000);

        var source = await new TemplateUploader(s3, bucket, moto.Region, moto.Endpoint).PrepareAsync("people", template, CancellationToken.None);

        Assert.True(source.IsInline);
        Assert.Equal(template, source.Body);
        Assert.Null(source.Url);
        var listing = await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", bucket);
        Assert.False(listing.ValueKind == System.Text.Json.JsonValueKind.Object && listing.TryGetProperty("Contents", out _));
    }

    [Fact]
    public async Task A_template_over_the_inline_limit_goes_through_the_bucket_and_CloudFormation_can_read_it()
    {
        var bucket = await NewBucketAsync();
        using var s3 = MotoS3.Client(moto);
        var template = Template(paddingBytes: 60_000);
        Assert.True(Encoding.UTF8.GetByteCount(template) > TemplateUploader.InlineLimitBytes);

        var source = await new TemplateUploader(s3, bucket, moto.Region, moto.Endpoint).PrepareAsync("people", template, CancellationToken.None);

        Assert.False(source.IsInline);
        Assert.Equal($"templates/people/{source.Sha256Hex}.yaml", source.Key);
        Assert.StartsWith("http://localhost:", source.Url);
        // CloudFormation itself resolves the URL: the proof that its style fits the endpoint.
        var validated = await _aws.JsonAsync("cloudformation", "validate-template", "--template-url", source.Url!);
        Assert.Equal("padded", validated.GetProperty("Description").GetString());
    }

    [Theory]
    [InlineData("us-east-1", "liftoff-art", "https://liftoff-art.s3.us-east-1.amazonaws.com/templates/p/abc.yaml")]
    [InlineData("cn-north-1", "liftoff-art", "https://liftoff-art.s3.cn-north-1.amazonaws.com.cn/templates/p/abc.yaml")]
    [InlineData("eu-west-1", "liftoff.art", "https://s3.eu-west-1.amazonaws.com/liftoff.art/templates/p/abc.yaml")]
    public void On_AWS_the_url_is_the_regional_S3_address(string region, string bucket, string expected) =>
        Assert.Equal(expected, TemplateUploader.TemplateUrl(bucket, "templates/p/abc.yaml", region, endpointUrl: null));

    [Fact]
    public void With_a_custom_endpoint_the_url_is_path_style_on_that_endpoint() =>
        Assert.Equal("http://s3.internal:9000/art/templates/p/abc.yaml",
            TemplateUploader.TemplateUrl("art", "templates/p/abc.yaml", "us-east-1", "http://s3.internal:9000/"));

    private async Task<string> NewBucketAsync()
    {
        var name = MotoS3.UniqueBucket("templates");
        using var s3 = MotoS3.Client(moto);
        await new ArtifactBucket(s3, name, moto.Region).EnsureAsync(CancellationToken.None);
        return name;
    }

    private static string Template(int paddingBytes) => $"""
        AWSTemplateFormatVersion: "2010-09-09"
        Description: padded
        Metadata:
          Padding: "{new string('x', paddingBytes)}"
        Resources:
          Queue:
            Type: AWS::SQS::Queue
        """;
}
