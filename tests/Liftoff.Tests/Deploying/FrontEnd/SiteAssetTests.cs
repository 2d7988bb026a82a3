using Liftoff.Deploying.FrontEnd;
using Liftoff.Uploading;
using Liftoff.Packaging;

namespace Liftoff.Tests.Deploying.FrontEnd;

public sealed class SiteAssetTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [Fact]
    public void Assets_of_a_manifest_are_found_under_its_source_directory_with_their_headers()
    {
        var manifest = new AssetManifest("people-cards",
            [new Asset("assets/app.js", new string('a', 64), 10, "text/javascript", "public, max-age=31536000, immutable")],
            "projects/people-cards/frontend/dist");

        var asset = Assert.Single(SiteAsset.From(manifest, Root));

        Assert.Equal("assets/app.js", asset.Path);
        Assert.Equal(Path.Combine(Root, "projects", "people-cards", "frontend", "dist", "assets", "app.js"), asset.LocalFile);
        Assert.Equal("public, max-age=31536000, immutable", asset.CacheControl);
    }

    [Fact]
    public void A_packaged_artifact_uploads_from_its_zip_under_the_key_Package_announced()
    {
        var artifact = new Artifact("people-cards", "users", "nodejs22.x", "index.handler", new string('c', 64), "x", 1, 1, 1, "i",
            "artifacts/people-cards/users.zip");

        var upload = ArtifactToUpload.From(artifact, Root);

        Assert.Equal(artifact.ObjectKey, upload.Key);
        Assert.Equal(Path.Combine(Root, "artifacts", "people-cards", "users.zip"), upload.FilePath);
    }
}
