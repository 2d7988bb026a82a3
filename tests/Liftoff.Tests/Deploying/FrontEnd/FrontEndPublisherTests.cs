using System.Text;
using System.Text.Json;
using Liftoff.Deploying.FrontEnd;
using Liftoff.Aws.Storage;
using Liftoff.Releases;
using Liftoff.Tests.Deploying;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying.FrontEnd;

public sealed class FrontEndPublisherTests(MotoFixture moto) : IClassFixture<MotoFixture>, IDisposable
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string NoCache = "no-cache";
    private readonly AwsCli _aws = new(moto);
    private readonly DirectoryInfo _site = Directory.CreateTempSubdirectory("liftoff-site-");

    public void Dispose() => _site.Delete(recursive: true);

    [Fact]
    public async Task A_first_publish_sends_every_file_with_the_manifests_headers()
    {
        var bucket = await NewSiteBucketAsync();
        var assets = new[]
        {
            await AssetAsync("index.html", "<h1>hi</h1>", "text/html; charset=utf-8", NoCache),
            await AssetAsync("assets/app.3f9c.js", "console.log(1)", "text/javascript", Immutable),
        };
        using var s3 = MotoS3.Client(moto);

        var result = await new FrontEndPublisher(s3).PublishAsync(bucket, assets, previous: null, CancellationToken.None);

        Assert.Equal(["assets/app.3f9c.js", "index.html"], result.ChangedPaths);
        Assert.Empty(result.DeletedPaths);
        var head = await HeadAsync(bucket, "index.html");
        Assert.Equal("text/html; charset=utf-8", head.GetProperty("ContentType").GetString());
        Assert.Equal(NoCache, head.GetProperty("CacheControl").GetString());
        Assert.Equal(assets[0].Sha256Hex, head.GetProperty("Metadata").GetProperty("sha256").GetString());
        var js = await HeadAsync(bucket, "assets/app.3f9c.js");
        Assert.Equal("text/javascript", js.GetProperty("ContentType").GetString());
        Assert.Equal(Immutable, js.GetProperty("CacheControl").GetString());
    }

    [Fact]
    public async Task A_later_publish_sends_only_new_and_changed_files_and_deletes_the_ones_gone()
    {
        var bucket = await NewSiteBucketAsync();
        using var s3 = MotoS3.Client(moto);
        var publisher = new FrontEndPublisher(s3);
        var index = await AssetAsync("index.html", "<script src=app.1.js>", "text/html", NoCache);
        var logo = await AssetAsync("logo.svg", "<svg/>", "image/svg+xml", Immutable);
        var oldApp = await AssetAsync("app.1.js", "v1", "text/javascript", Immutable);
        var first = await publisher.PublishAsync(bucket, [index, logo, oldApp], previous: null, CancellationToken.None);
        var logoBefore = await HeadAsync(bucket, "logo.svg");

        var newIndex = await AssetAsync("index.html", "<script src=app.2.js>", "text/html", NoCache);
        var newApp = await AssetAsync("app.2.js", "v2", "text/javascript", Immutable);
        var second = await publisher.PublishAsync(bucket, [newIndex, logo, newApp], first.Published, CancellationToken.None);

        Assert.Equal(["app.2.js", "index.html"], second.ChangedPaths);
        Assert.Equal(["app.1.js"], second.DeletedPaths);
        Assert.Equal(1, second.UnchangedCount);
        Assert.Equal(newIndex.Size + newApp.Size, second.BytesSent);
        var logoAfter = await HeadAsync(bucket, "logo.svg");
        Assert.Equal(logoBefore.GetProperty("VersionId").GetString(), logoAfter.GetProperty("VersionId").GetString());
        Assert.Equal(["app.2.js", "index.html", "logo.svg"], await KeysAsync(bucket));
        Assert.Equal(newIndex.Sha256Hex, (await HeadAsync(bucket, "index.html")).GetProperty("Metadata").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Without_a_previous_release_the_stored_hashes_decide()
    {
        var bucket = await NewSiteBucketAsync();
        using var s3 = MotoS3.Client(moto);
        var publisher = new FrontEndPublisher(s3);
        var assets = new[] { await AssetAsync("index.html", "same", "text/html", NoCache), await AssetAsync("a.css", "body{}", "text/css", Immutable) };
        await publisher.PublishAsync(bucket, assets, previous: null, CancellationToken.None);
        var before = await HeadAsync(bucket, "a.css");

        var again = await publisher.PublishAsync(bucket, assets, previous: null, CancellationToken.None);

        Assert.False(again.ChangedAnything);
        Assert.Equal(2, again.UnchangedCount);
        Assert.Equal(before.GetProperty("VersionId").GetString(), (await HeadAsync(bucket, "a.css")).GetProperty("VersionId").GetString());
    }

    [Fact]
    public async Task A_file_whose_headers_changed_is_sent_again_and_kept_first()
    {
        var (bucket, artifacts) = (await NewSiteBucketAsync(), await NewSiteBucketAsync());
        using var s3 = MotoS3.Client(moto);
        var publisher = new FrontEndPublisher(s3) { Keeper = new ReplacedSiteFiles(s3, artifacts, "shop", DeployTestKit.Console()) };
        var css = await AssetAsync("a.css", "body{}", "text/css", NoCache);
        var first = await publisher.PublishAsync(bucket, [css], previous: null, CancellationToken.None);

        var second = await publisher.PublishAsync(bucket, [css with { CacheControl = Immutable }], first.Published, CancellationToken.None);

        Assert.Equal(["a.css"], second.ChangedPaths);
        Assert.Equal(Immutable, (await HeadAsync(bucket, "a.css")).GetProperty("CacheControl").GetString());
        // A rollback to the old headers sends the file again, from what was kept.
        Assert.Equal([$"kept/site/shop/{css.Sha256Hex}"], await KeysAsync(artifacts));
    }

    [Fact]
    public async Task A_file_the_ledger_says_is_there_but_someone_removed_is_sent_again()
    {
        var bucket = await NewSiteBucketAsync();
        using var s3 = MotoS3.Client(moto);
        var publisher = new FrontEndPublisher(s3);
        var css = await AssetAsync("a.css", "body{}", "text/css", NoCache);
        var first = await publisher.PublishAsync(bucket, [css], previous: null, CancellationToken.None);
        await _aws.RunAsync("s3api", "delete-object", "--bucket", bucket, "--key", "a.css");

        var second = await publisher.PublishAsync(bucket, [css], first.Published, CancellationToken.None);

        Assert.Equal(["a.css"], second.ChangedPaths);
        Assert.Equal(["a.css"], await KeysAsync(bucket));
    }

    [Fact]
    public async Task What_a_publish_replaces_or_deletes_is_kept_once_by_content_before_it_goes()
    {
        var (bucket, artifacts) = (await NewSiteBucketAsync(), await NewSiteBucketAsync());
        using var s3 = MotoS3.Client(moto);
        var publisher = new FrontEndPublisher(s3) { Keeper = new ReplacedSiteFiles(s3, artifacts, "shop", DeployTestKit.Console()) };
        var index = await AssetAsync("index.html", "<h1>v1</h1>", "text/html", NoCache);
        var copy = await AssetAsync("copy.html", "<h1>v1</h1>", "text/html", NoCache);
        var app = await AssetAsync("app.1.js", "go()", "text/javascript", Immutable);
        var logo = await AssetAsync("logo.svg", "<svg/>", "image/svg+xml", Immutable);
        var first = await publisher.PublishAsync(bucket, [index, copy, app, logo], previous: null, CancellationToken.None);
        Assert.Empty(await KeysAsync(artifacts));

        await publisher.PublishAsync(bucket, [
            await AssetAsync("index.html", "<h1>v2</h1>", "text/html", NoCache),
            await AssetAsync("copy.html", "<h1>v2</h1>", "text/html", NoCache),
            logo,
        ], first.Published, CancellationToken.None);

        // Two pages with the same content are one copy; the logo, still in the site, is not kept.
        Assert.Equal(new[] { app.Sha256Hex, index.Sha256Hex }.Select(h => $"kept/site/shop/{h}").Order(StringComparer.Ordinal), await KeysAsync(artifacts));
        Assert.Equal("<h1>v1</h1>", await ReadAsync(artifacts, $"kept/site/shop/{index.Sha256Hex}"));
        Assert.Equal("go()", await ReadAsync(artifacts, $"kept/site/shop/{app.Sha256Hex}"));
    }

    [Fact]
    public async Task Content_kept_once_is_not_copied_again_when_many_files_go_back_and_forth()
    {
        var (bucket, artifacts) = (await NewSiteBucketAsync(), await NewSiteBucketAsync());
        using var s3 = MotoS3.Client(moto);
        var publisher = new FrontEndPublisher(s3) { Keeper = new ReplacedSiteFiles(s3, artifacts, "shop", DeployTestKit.Console()) };
        // More files than a HEAD each is worth: whether a content is kept already comes from one listing.
        async Task<SiteAsset[]> SiteAsync(string version) => await Task.WhenAll(
            Enumerable.Range(0, 60).Select(i => AssetAsync($"part-{i:00}.js", $"// part {i}, {version}", "text/javascript", Immutable)));
        var (v1, v2) = (await SiteAsync("v1"), await SiteAsync("v2"));

        var published = (await publisher.PublishAsync(bucket, v1, previous: null, CancellationToken.None)).Published;
        foreach (var site in new[] { v2, v1, v2 })
            published = (await publisher.PublishAsync(bucket, site, published, CancellationToken.None)).Published;

        Assert.Equal(v1.Concat(v2).Select(a => $"kept/site/shop/{a.Sha256Hex}").Order(StringComparer.Ordinal), await KeysAsync(artifacts));
        var versions = (await _aws.JsonAsync("s3api", "list-object-versions", "--bucket", artifacts)).GetProperty("Versions").GetArrayLength();
        Assert.Equal(120, versions);
    }

    [Fact]
    public async Task A_copy_that_fails_stops_the_publish_before_anything_in_the_site_changes()
    {
        var bucket = await NewSiteBucketAsync();
        using var s3 = MotoS3.Client(moto);
        var index = await AssetAsync("index.html", "<h1>v1</h1>", "text/html", NoCache);
        var app = await AssetAsync("app.1.js", "go()", "text/javascript", Immutable);
        var first = await new FrontEndPublisher(s3).PublishAsync(bucket, [index, app], previous: null, CancellationToken.None);
        // The artifact bucket is not there: the listing or the copy fails.
        var publisher = new FrontEndPublisher(s3) { Keeper = new ReplacedSiteFiles(s3, MotoS3.UniqueBucket("gone"), "shop", DeployTestKit.Console()) };

        var v2 = new[] { await AssetAsync("index.html", "<h1>v2</h1>", "text/html", NoCache), await AssetAsync("app.2.js", "go(2)", "text/javascript", Immutable) };

        await Assert.ThrowsAnyAsync<Amazon.S3.AmazonS3Exception>(() => publisher.PublishAsync(bucket, v2, first.Published, CancellationToken.None));

        Assert.Equal(["app.1.js", "index.html"], await KeysAsync(bucket));
        Assert.Equal("<h1>v1</h1>", await ReadAsync(bucket, "index.html"));
    }

    [Fact]
    public async Task The_published_manifest_hash_changes_with_content_and_headers_only()
    {
        var a = await AssetAsync("a.css", "body{}", "text/css", NoCache);
        var b = await AssetAsync("b.css", "p{}", "text/css", NoCache);

        var hash = SiteAsset.ToReleaseAssets([a, b]).ManifestSha256;

        Assert.Equal(hash, SiteAsset.ToReleaseAssets([b, a with { LocalFile = "/elsewhere/a.css" }]).ManifestSha256);
        Assert.NotEqual(hash, SiteAsset.ToReleaseAssets([a with { CacheControl = Immutable }, b]).ManifestSha256);
        Assert.NotEqual(hash, SiteAsset.ToReleaseAssets([a]).ManifestSha256);
    }

    [Fact]
    public async Task A_path_that_is_not_a_site_path_is_refused_before_anything_is_sent()
    {
        using var s3 = MotoS3.Client(moto);
        var bad = await AssetAsync("x.css", "x", "text/css", NoCache) with { Path = "../x.css" };

        var e = await Assert.ThrowsAsync<ArgumentException>(
            () => new FrontEndPublisher(s3).PublishAsync("never-created", [bad], null, CancellationToken.None));

        Assert.Contains("'../x.css'", e.Message);
    }

    private async Task<SiteAsset> AssetAsync(string path, string content, string contentType, string cacheControl)
    {
        var file = Path.Combine(_site.FullName, Guid.NewGuid().ToString("N"), path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var bytes = Encoding.UTF8.GetBytes(content);
        await File.WriteAllBytesAsync(file, bytes);
        return new SiteAsset(path, ContentHash.Hex(ContentHash.Of(bytes)), bytes.Length, contentType, cacheControl, file);
    }

    private async Task<string> NewSiteBucketAsync()
    {
        var bucket = MotoS3.UniqueBucket("site");
        await _aws.RunAsync("s3api", "create-bucket", "--bucket", bucket);
        // Versioned, so "not sent again" can be read back as "same version id".
        await _aws.RunAsync("s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Enabled");
        return bucket;
    }

    private Task<JsonElement> HeadAsync(string bucket, string key) =>
        _aws.JsonAsync("s3api", "head-object", "--bucket", bucket, "--key", key);

    private async Task<string> ReadAsync(string bucket, string key)
    {
        var copy = Path.Combine(_site.FullName, Guid.NewGuid().ToString("N"));
        await _aws.RunAsync("s3api", "get-object", "--bucket", bucket, "--key", key, copy);
        return await File.ReadAllTextAsync(copy);
    }

    private async Task<string[]> KeysAsync(string bucket)
    {
        var listing = await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", bucket);
        return listing.ValueKind == JsonValueKind.Object && listing.TryGetProperty("Contents", out var contents)
            ? contents.EnumerateArray().Select(o => o.GetProperty("Key").GetString()!).Order(StringComparer.Ordinal).ToArray()
            : [];
    }
}
