using Liftoff.Aws;
using Liftoff.Aws.CloudFront;
using Liftoff.Aws.CloudFront.Model;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Aws;

/// <summary>Liftoff's CloudFront client against moto, read back and written by the AWS CLI.</summary>
public sealed class CloudFrontClientTests : IClassFixture<MotoFixture>, IDisposable
{
    private readonly AwsCli _cli;
    private readonly AwsClients _aws;

    public CloudFrontClientTests(MotoFixture moto)
    {
        _cli = new AwsCli(moto);
        _aws = AwsClients.Create(new AwsConnection(moto.Region, moto.Endpoint, null));
    }

    public void Dispose() => _aws.Dispose();

    private async Task<string> CreateDistributionAsync() =>
        (await _cli.JsonAsync("cloudfront", "create-distribution", "--origin-domain-name", "cards-dev-s3-site.s3.amazonaws.com",
            "--default-root-object", "index.html")).GetProperty("Distribution").GetProperty("Id").GetString()!;

    [Fact]
    public async Task GetDistribution_reads_a_distribution_the_CLI_created_member_by_member()
    {
        var id = await CreateDistributionAsync();

        var ours = await _aws.CloudFront.GetDistributionAsync(new GetDistributionRequest { Id = id });

        var theirs = await _cli.JsonAsync("cloudfront", "get-distribution", "--id", id);
        Assert.Equal("index.html", ours.Distribution!.DistributionConfig!.DefaultRootObject);
        Assert.Equal("cards-dev-s3-site.s3.amazonaws.com", ours.Distribution.DistributionConfig.Origins!.Items.Single().DomainName);
        Assert.EndsWith(".cloudfront.net", ours.Distribution.DomainName);
        Assert.Equal(theirs.GetProperty("ETag").GetString(), ours.ETag);
        Assert.True(FieldByField.AssertMatches(theirs.GetProperty("Distribution"), ours.Distribution) >= 12);
    }

    [Fact]
    public async Task An_invalidation_Liftoff_creates_is_the_one_the_CLI_reads_back()
    {
        var id = await CreateDistributionAsync();
        var reference = Guid.NewGuid().ToString("N");

        var created = await _aws.CloudFront.CreateInvalidationAsync(new CreateInvalidationRequest
        {
            DistributionId = id,
            InvalidationBatch = new InvalidationBatch { CallerReference = reference, Paths = new Paths { Items = { "/index.html", "/assets/*" } } },
        });
        var read = await _aws.CloudFront.GetInvalidationAsync(new GetInvalidationRequest { DistributionId = id, Id = created.Invalidation!.Id });

        Assert.EndsWith($"/distribution/{id}/invalidation/{created.Invalidation.Id}", created.Location);
        Assert.Equal(["/index.html", "/assets/*"], read.Invalidation!.InvalidationBatch!.Paths!.Items);
        Assert.Equal(2, read.Invalidation.InvalidationBatch.Paths.Quantity);
        var theirs = await _cli.JsonAsync("cloudfront", "get-invalidation", "--distribution-id", id, "--id", created.Invalidation.Id!);
        Assert.Equal(reference, theirs.GetProperty("Invalidation").GetProperty("InvalidationBatch").GetProperty("CallerReference").GetString());
        Assert.True(FieldByField.AssertMatches(theirs.GetProperty("Invalidation"), read.Invalidation) >= 7);
    }

    [Fact]
    public async Task GetInvalidation_reads_an_invalidation_the_CLI_created()
    {
        var id = await CreateDistributionAsync();
        var theirs = await _cli.JsonAsync("cloudfront", "create-invalidation", "--distribution-id", id, "--paths", "/*");
        var invalidationId = theirs.GetProperty("Invalidation").GetProperty("Id").GetString()!;

        var ours = await _aws.CloudFront.GetInvalidationAsync(new GetInvalidationRequest { DistributionId = id, Id = invalidationId });

        Assert.Equal(["/*"], ours.Invalidation!.InvalidationBatch!.Paths!.Items);
        Assert.True(FieldByField.AssertMatches(theirs.GetProperty("Invalidation"), ours.Invalidation) >= 7);
    }

    [Fact]
    public async Task ListInvalidations_lists_the_invalidations_the_CLI_created()
    {
        var id = await CreateDistributionAsync();
        var first = (await _cli.JsonAsync("cloudfront", "create-invalidation", "--distribution-id", id, "--paths", "/a.html"))
            .GetProperty("Invalidation").GetProperty("Id").GetString();
        var second = (await _cli.JsonAsync("cloudfront", "create-invalidation", "--distribution-id", id, "--paths", "/b/*"))
            .GetProperty("Invalidation").GetProperty("Id").GetString();

        var ours = await _aws.CloudFront.ListInvalidationsAsync(new ListInvalidationsRequest { DistributionId = id, MaxItems = "100" });

        var theirs = (await _cli.JsonAsync("cloudfront", "list-invalidations", "--distribution-id", id))
            .GetProperty("InvalidationList").GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("Id").GetString()).ToList();
        var listed = ours.InvalidationList!.Items;
        Assert.Equal(theirs, listed.Select(i => i.Id).ToList());
        Assert.Equal(new[] { first, second }.Order(), listed.Select(i => i.Id).Order());
        Assert.All(listed, i => Assert.NotNull(i.CreateTime));
        Assert.All(listed, i => Assert.Equal("completed", i.Status!.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_missing_distribution_is_a_typed_error_with_code_and_request_id()
    {
        var error = await Assert.ThrowsAsync<NoSuchDistributionException>(() =>
            _aws.CloudFront.GetDistributionAsync(new GetDistributionRequest { Id = "E000000000NONE" }));

        Assert.Equal("NoSuchDistribution", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
