using System.Text.Json;
using Liftoff.Packaging;

namespace Liftoff.Tests.Packaging;

public sealed class ManifestAndReuseTests : IDisposable
{
    private readonly Staging _staging = new Staging().NodeFunction();

    public void Dispose() => _staging.Dispose();

    [Fact]
    public async Task The_manifest_records_what_sha256sum_and_zipinfo_see_with_no_absolute_path()
    {
        await _staging.PackageOneAsync();

        var manifestPath = _staging.Root.PathOf("artifacts/manifest.json");
        var text = await File.ReadAllTextAsync(manifestPath);
        var artifact = JsonDocument.Parse(text).RootElement.GetProperty("artifacts").EnumerateArray().Single();
        var sha256sum = (await Tool.OkAsync("sha256sum", _staging.ZipPath)).Split(' ')[0];
        var zipinfo = await Tool.OkAsync("zipinfo", "-t", _staging.ZipPath); // "5 files, 1234 bytes uncompressed, ..."

        Assert.Equal("shop", artifact.GetProperty("project").GetString());
        Assert.Equal("api", artifact.GetProperty("function").GetString());
        Assert.Equal("nodejs20.x", artifact.GetProperty("runtime").GetString());
        Assert.Equal("index.handler", artifact.GetProperty("handler").GetString());
        Assert.Equal(sha256sum, artifact.GetProperty("sha256Hex").GetString());
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(sha256sum)), artifact.GetProperty("sha256Base64").GetString());
        Assert.Equal(new FileInfo(_staging.ZipPath).Length, artifact.GetProperty("size").GetInt64());
        Assert.StartsWith($"5 files, {artifact.GetProperty("uncompressedSize").GetInt64()} bytes uncompressed", zipinfo);
        Assert.Equal(5, artifact.GetProperty("fileCount").GetInt32());
        Assert.Equal("artifacts/shop/api.zip", artifact.GetProperty("path").GetString());
        Assert.Matches("^[0-9a-f]{32}$", artifact.GetProperty("inputsHash").GetString());
        Assert.DoesNotContain(_staging.Root.Root, text);
        Assert.Empty(Directory.EnumerateFiles(_staging.Root.PathOf("artifacts"), "*.tmp", SearchOption.AllDirectories));

        var loaded = await ArtifactManifest.LoadAsync(_staging.Root.Root, CancellationToken.None);
        Assert.Equal(sha256sum, loaded.Find("shop", "api")!.Sha256Hex);
    }

    [Fact]
    public async Task A_second_run_reuses_the_artifact_and_force_rebuilds_it()
    {
        var first = await _staging.PackageOneAsync();
        var writtenAt = File.GetLastWriteTimeUtc(_staging.ZipPath);

        var second = await _staging.PackageOneAsync();
        var untouched = File.GetLastWriteTimeUtc(_staging.ZipPath) == writtenAt;
        var forced = await _staging.PackageOneAsync(force: true);

        Assert.Equal(PackageOutcome.Packaged, first.Outcome);
        Assert.Equal("up to date", second.Status);
        Assert.Equal(first.Artifact, second.Artifact);
        Assert.True(untouched, "an up-to-date artifact is not rewritten");
        Assert.Equal(PackageOutcome.Packaged, forced.Outcome);
        Assert.Equal(first.Artifact, forced.Artifact);
    }

    [Fact]
    public async Task A_chmod_only_change_makes_a_new_artifact()
    {
        var before = await _staging.PackageOneAsync();
        if (OperatingSystem.IsWindows()) return; // no Unix modes to change
        File.SetUnixFileMode(_staging.PathOf("lib/words.js"), (UnixFileMode)0b111_101_101);

        var after = await _staging.PackageOneAsync();

        Assert.Equal(PackageOutcome.Packaged, after.Outcome);
        Assert.NotEqual(before.Artifact.InputsHash, after.Artifact.InputsHash);
        Assert.NotEqual(before.Artifact.Sha256Hex, after.Artifact.Sha256Hex);
        Assert.StartsWith("-rwxr-xr-x", await Tool.OkAsync("zipinfo", _staging.ZipPath, "lib/words.js"));
    }

    [Fact]
    public async Task A_content_change_or_a_deleted_zip_makes_a_new_artifact()
    {
        var before = await _staging.PackageOneAsync();
        _staging.File("lib/words.js", "module.exports = 'changed';\n");
        var changed = await _staging.PackageOneAsync();
        File.Delete(_staging.ZipPath);
        var recreated = await _staging.PackageOneAsync();

        Assert.Equal(PackageOutcome.Packaged, changed.Outcome);
        Assert.NotEqual(before.Artifact.InputsHash, changed.Artifact.InputsHash);
        Assert.Equal(PackageOutcome.Packaged, recreated.Outcome);
        Assert.Equal(changed.Artifact, recreated.Artifact);
    }

    [Fact]
    public async Task Packaging_one_project_keeps_the_other_projects_entries()
    {
        await _staging.PackageOneAsync();
        using var other = new Staging("billing", "worker");
        other.NodeFunction();
        new TempTree(other.Request.StagingDirectory).CopyTo(_staging.Root.PathOf(".nuke/temp/staging/billing/worker"));
        var request = other.Request with { StagingDirectory = _staging.Root.PathOf(".nuke/temp/staging/billing/worker"), ProjectDirectory = null };

        await _staging.Packager().PackageAsync([request], force: false, CancellationToken.None);

        var manifest = await ArtifactManifest.LoadAsync(_staging.Root.Root, CancellationToken.None);
        Assert.Equal(["billing/worker", "shop/api"], manifest.Artifacts.Select(a => $"{a.Project}/{a.Function}"));
    }

    [Fact]
    public async Task Over_the_limits_fails_with_both_sizes_and_the_ten_largest_entries_and_leaves_no_zip()
    {
        for (var i = 1; i <= 12; i++) _staging.File($"data/file{i:00}.bin", TempTree.Noise(12_000 + i * 1000, i));
        var settings = new PackagingSettings { Limits = new ArtifactLimits(MaxUnzippedBytes: 200_000, MaxZippedBytes: 150_000) };

        var error = await Assert.ThrowsAsync<ArtifactTooLargeException>(() => _staging.PackageOneAsync(settings: settings));

        Assert.Contains("shop/api", error.Message);
        Assert.Contains($"{ByteSize.Format(error.UncompressedSize)} unzipped (limit 195.3 KB)", error.Message);
        Assert.Contains($"{ByteSize.Format(error.CompressedSize)} zipped (limit 146.5 KB)", error.Message);
        Assert.True(error.UncompressedSize > 200_000);
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"data/file{i:00}.bin"), error.LargestEntries.Select(e => e.Name));
        Assert.Contains("data/file12.bin", error.Message);
        Assert.Contains("data/file03.bin", error.Message);
        Assert.DoesNotContain("data/file02.bin", error.Message);
        Assert.False(File.Exists(_staging.ZipPath));
        Assert.Empty(Directory.EnumerateFiles(_staging.Root.PathOf("artifacts"), "*", SearchOption.AllDirectories));
    }
}
