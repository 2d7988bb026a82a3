using Liftoff.Building;

namespace Liftoff.Tests.Building;

/// <summary>Hashes remembered by size and time: a file read once is not read again until its size or time moves.</summary>
public sealed class ContentHashCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liftoff-hashes-").FullName;
    private string Cache => Path.Combine(_folder, "cache.txt");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content, DateTime modifiedUtc)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, modifiedUtc);
        return path;
    }

    /// <summary>Looks the file up in a cache loaded from disk, as a new run would; returns the hash and whether it was read.</summary>
    private async Task<(string Hash, bool Read)> LookUpAsync(string path)
    {
        var cache = await ContentHashCache.LoadAsync(Cache, CancellationToken.None);
        var read = false;
        var info = new FileInfo(path);
        var hash = cache.HashOf(path, info.Length, info.LastWriteTimeUtc, () =>
        {
            read = true;
            return File.ReadAllText(path);
        });
        await cache.SaveAsync(CancellationToken.None);
        return (hash, read);
    }

    [Fact]
    public async Task A_file_whose_size_and_time_did_not_move_is_not_read_again()
    {
        var path = Write("a.txt", "one", DateTime.UtcNow.AddMinutes(-5));

        var first = await LookUpAsync(path);
        var second = await LookUpAsync(path);

        Assert.True(first.Read);
        Assert.False(second.Read);
        Assert.Equal("one", second.Hash);
    }

    [Fact]
    public async Task A_file_with_another_time_or_size_is_read_again()
    {
        var path = Write("a.txt", "one", DateTime.UtcNow.AddMinutes(-5));
        await LookUpAsync(path);

        Write("a.txt", "two", DateTime.UtcNow.AddMinutes(-4)); // same size, later time
        var retimed = await LookUpAsync(path);
        Write("a.txt", "three", DateTime.UtcNow.AddMinutes(-4)); // other size
        var resized = await LookUpAsync(path);

        Assert.Equal(("two", true), retimed);
        Assert.Equal(("three", true), resized);
    }

    [Fact]
    public async Task A_file_written_too_close_to_its_hash_is_read_again_until_it_is_old_enough()
    {
        // A write within the file system's time granularity after the hash could leave size and time as they were.
        var path = Write("a.txt", "one", DateTime.UtcNow);
        await LookUpAsync(path);

        var racy = await LookUpAsync(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - ContentHashCache.RacyWindow - TimeSpan.FromSeconds(1));
        await LookUpAsync(path);
        var settled = await LookUpAsync(path);

        Assert.True(racy.Read);
        Assert.False(settled.Read);
    }

    [Fact]
    public async Task A_cache_that_is_not_one_is_ignored()
    {
        await File.WriteAllTextAsync(Cache, "not\ta cache\n");
        var path = Write("a.txt", "one", DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal(("one", true), await LookUpAsync(path));
    }
}
