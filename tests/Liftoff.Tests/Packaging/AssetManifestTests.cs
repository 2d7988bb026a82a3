using Liftoff.Packaging;

namespace Liftoff.Tests.Packaging;

public sealed class AssetManifestTests : IDisposable
{
    private readonly TempTree _root = new();

    public void Dispose() => _root.Dispose();

    private string Dist => _root.PathOf("projects/shop/frontend/dist");

    [Fact]
    public async Task Lists_every_built_file_with_the_hash_sha256sum_gives_and_headers_by_name()
    {
        _root.File("projects/shop/frontend/dist/index.html", "<!doctype html><script src=/assets/app.3f2a9c1b.js></script>")
            .File("projects/shop/frontend/dist/assets/app.3f2a9c1b.js", "console.log('app');")
            .File("projects/shop/frontend/dist/assets/index-DiwrgTda.css", "body{margin:0}")
            .File("projects/shop/frontend/dist/favicon.ico", TempTree.Noise(300, 1))
            .File("projects/shop/frontend/dist/about/index.html", "<h1>About</h1>");

        var manifest = await AssetManifestBuilder.BuildAsync("shop", Dist, _root.Root, 2, CancellationToken.None);

        Assert.Equal("shop", manifest.Project);
        Assert.Equal("projects/shop/frontend/dist", manifest.SourceDirectory);
        Assert.Equal(["about/index.html", "assets/app.3f2a9c1b.js", "assets/index-DiwrgTda.css", "favicon.ico", "index.html"], manifest.Assets.Select(a => a.Path));
        var app = manifest.Assets[1];
        Assert.Equal((await Tool.OkAsync("sha256sum", Path.Combine(Dist, "assets/app.3f2a9c1b.js"))).Split(' ')[0], app.Sha256Hex);
        Assert.Equal(19, app.Size);
        Assert.Equal("text/javascript; charset=utf-8", app.ContentType);
        Assert.Equal("public, max-age=31536000, immutable", app.CacheControl);
        Assert.Equal(("text/css; charset=utf-8", CachePolicy.Immutable), (manifest.Assets[2].ContentType, manifest.Assets[2].CacheControl));
        Assert.Equal(("image/x-icon", CachePolicy.Short), (manifest.Assets[3].ContentType, manifest.Assets[3].CacheControl));
        Assert.All(manifest.Assets.Where(a => a.Path.EndsWith(".html")), a => Assert.Equal(("text/html; charset=utf-8", "no-cache"), (a.ContentType, a.CacheControl)));
    }

    [Fact]
    public async Task Front_ends_are_saved_in_the_artifact_manifest_beside_the_artifacts()
    {
        _root.File("projects/shop/frontend/dist/index.html", "<h1>Shop</h1>");
        var frontEnd = await AssetManifestBuilder.BuildAsync("shop", Dist, _root.Root, 2, CancellationToken.None);

        await ArtifactManifest.Empty.With([frontEnd]).SaveAsync(_root.Root, CancellationToken.None);
        var loaded = await ArtifactManifest.LoadAsync(_root.Root, CancellationToken.None);

        Assert.Equal(frontEnd.Assets, loaded.FindFrontEnd("shop")!.Assets);
        Assert.Equal(Dist, loaded.FindFrontEnd("shop")!.FullSourceDirectory(_root.Root));
    }

    [Fact]
    public async Task A_missing_output_folder_says_to_run_compile()
    {
        var error = await Assert.ThrowsAsync<PackagingException>(() => AssetManifestBuilder.BuildAsync("shop", Dist, _root.Root, 2, CancellationToken.None));
        Assert.Contains(Dist, error.Message);
        Assert.Contains("Run Compile", error.Message);
    }

    [Theory]
    [InlineData("app.3f2a9c1b.js", true)] // webpack [name].[contenthash:8]
    [InlineData("main.3f2a9c1b.chunk.js", true)] // create-react-app
    [InlineData("framework-0c3a5f7d9e1b2a46.js", true)] // Next.js
    [InlineData("index-DiwrgTda.css", true)] // Vite / Rollup
    [InlineData("index-B-x9kLq2.js", true)] // Vite hashes may hold '-' and '_'
    [InlineData("chunk-5XJ3Q2ZK.js", true)] // esbuild
    [InlineData("bootstrap-datepicker.js", false)]
    [InlineData("polyfills.js", false)]
    [InlineData("jquery-3.7.1.min.js", false)]
    [InlineData("site-manifest.json", false)]
    [InlineData("logo.png", false)]
    public void Fingerprinted_names_are_told_from_plain_ones(string name, bool fingerprinted) =>
        Assert.Equal(fingerprinted, CachePolicy.IsFingerprinted(name));
}
