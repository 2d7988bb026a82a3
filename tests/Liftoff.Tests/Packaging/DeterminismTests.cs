using Liftoff.Packaging;

namespace Liftoff.Tests.Packaging;

public sealed class DeterminismTests : IDisposable
{
    private readonly Staging _first = new Staging().NodeFunction()
        .File("assets/photo.jpg", TempTree.Noise(3_000_000, 11)) // several chunks, compressed in parallel
        .File("data/big.json", "[" + string.Join(",", Enumerable.Range(0, 150_000).Select(i => $"{{\"id\":{i}}}")) + "]");
    private readonly List<IDisposable> _others = [];

    public void Dispose()
    {
        _first.Dispose();
        _others.ForEach(o => o.Dispose());
    }

    [Fact]
    public async Task The_same_staging_tree_copied_to_another_folder_in_another_order_gives_identical_bytes()
    {
        var first = await _first.PackageOneAsync();

        var second = new Staging();
        _others.Add(second);
        // CopyTo writes files in reverse order, so directory listings differ from the first tree's.
        new TempTree(_first.Request.StagingDirectory).CopyTo(second.Request.StagingDirectory);
        var again = await second.PackageOneAsync();

        Assert.NotEqual(_first.Root.Root, second.Root.Root);
        Assert.Equal(first.Artifact.Sha256Hex, again.Artifact.Sha256Hex);
        Assert.Equal(await File.ReadAllBytesAsync(_first.ZipPath), await File.ReadAllBytesAsync(second.ZipPath));
        Assert.Equal(first.Artifact.InputsHash, again.Artifact.InputsHash);
    }

    [Fact]
    public async Task Touching_every_file_changes_neither_the_bytes_nor_the_inputs_hash()
    {
        var before = await _first.PackageOneAsync();
        var bytes = await File.ReadAllBytesAsync(_first.ZipPath);
        foreach (var file in Directory.EnumerateFiles(_first.Request.StagingDirectory, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(3));

        var after = await _first.PackageOneAsync(force: true);

        Assert.Equal(PackageOutcome.Packaged, after.Outcome);
        Assert.Equal(before.Artifact.InputsHash, after.Artifact.InputsHash);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(_first.ZipPath));
    }

    [Fact]
    public async Task Source_date_epoch_sets_every_entry_time_and_is_part_of_the_inputs_hash()
    {
        var plain = await _first.PackageOneAsync();
        var settings = PackagingSettings.FromEnvironment(name => name == "SOURCE_DATE_EPOCH" ? "1700000000" : null); // 2023-11-14 22:13:20 UTC

        var dated = await _first.PackageOneAsync(settings: settings);

        Assert.Equal(PackageOutcome.Packaged, dated.Outcome);
        Assert.NotEqual(plain.Artifact.InputsHash, dated.Artifact.InputsHash);
        var listing = await Tool.OkAsync("zipinfo", "-T", _first.ZipPath);
        var entries = listing.Split('\n').Where(l => l.StartsWith('-')).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, l => Assert.Contains("20231114.221320", l));
    }

    [Fact]
    public void A_source_date_epoch_that_is_not_a_number_is_refused_with_what_to_set()
    {
        var error = Assert.Throws<PackagingException>(() => PackagingSettings.FromEnvironment(_ => "yesterday"));
        Assert.Contains("SOURCE_DATE_EPOCH is 'yesterday'", error.Message);
        Assert.Contains("git log -1 --format=%ct", error.Message);
    }
}
