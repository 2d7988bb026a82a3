using System.Text;
using Liftoff.Packaging;
using Liftoff.Packaging.Zip;

namespace Liftoff.Tests.Packaging;

public sealed class DeterministicZipWriterTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly SemaphoreSlim _cpu = new(2);

    public void Dispose()
    {
        _tree.Dispose();
        _cpu.Dispose();
    }

    private static readonly string Text = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"exports.f{i} = (a) => a * {i % 89};\n"));

    private async Task<(string Zip, ZipArchiveSummary Summary)> WriteAsync(params ZipEntrySource[] entries)
    {
        var zip = Path.Combine(_tree.Root, "out.zip");
        await using var output = File.Create(zip);
        var summary = await new DeterministicZipWriter(6, DosDateTime.Minimum, _cpu).WriteAsync(entries, output, CancellationToken.None);
        return (zip, summary);
    }

    private ZipEntrySource Entry(string name, byte[] content, bool executable = false)
    {
        _tree.File("src/" + name, content, executable);
        return new ZipEntrySource(name, _tree.PathOf("src/" + name), content.Length, executable);
    }

    [Fact]
    public async Task Unzip_accepts_the_archive_and_extracts_every_file_unchanged_including_multi_chunk_ones()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["index.js"] = Encoding.UTF8.GetBytes("exports.handler = async () => 1;\n"),
            ["empty.txt"] = [],
            ["big/text.js"] = Encoding.UTF8.GetBytes(Text), // several chunks, compressible
            ["big/noise.bin"] = TempTree.Noise(2_500_000, 7), // several chunks, incompressible
            ["small-noise.png"] = TempTree.Noise(5000, 8), // stored: deflate cannot shrink it
            ["lib/ünïcode.js"] = Encoding.UTF8.GetBytes("module.exports = 'ü';"),
        };
        var (zip, summary) = await WriteAsync(files.Select(f => Entry(f.Key, f.Value)).ToArray());

        await Tool.OkAsync("unzip", "-t", zip);
        var extracted = Path.Combine(_tree.Root, "x");
        await Tool.OkAsync("unzip", "-q", zip, "-d", extracted);
        foreach (var (name, content) in files)
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(extracted, name)));
        Assert.Equal(files.Count, summary.FileCount);
        Assert.Equal(new FileInfo(zip).Length, summary.ArchiveSize);
        Assert.True(summary.Entries.Single(e => e.Name == "big/text.js").CompressedSize < Text.Length / 4);
    }

    [Fact]
    public async Task Zipinfo_shows_unix_modes_0644_and_0755_one_timestamp_sorted_names_and_no_extra_fields()
    {
        var (zip, _) = await WriteAsync(
            Entry("z-last.js", "z"u8.ToArray()),
            Entry("bin/run", "#!/bin/sh\necho hi\n"u8.ToArray(), executable: true),
            Entry("a-first.js", "a"u8.ToArray()));

        var listing = await Tool.OkAsync("zipinfo", "-T", zip);
        var lines = listing.Split('\n').Where(l => l.StartsWith('-')).ToList();
        Assert.Equal(["a-first.js", "bin/run", "z-last.js"], lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]));
        Assert.StartsWith("-rwxr-xr-x", lines[1]);
        Assert.All(new[] { lines[0], lines[2] }, l => Assert.StartsWith("-rw-r--r--", l));
        Assert.All(lines, l => Assert.Contains(" unx ", l));
        Assert.All(lines, l => Assert.Contains("19800101.000000", l));

        var verbose = await Tool.OkAsync("zipinfo", "-v", zip);
        Assert.Equal(3, CountOf(verbose, "length of extra field:", "0 bytes"));
        Assert.Equal(3, CountOf(verbose, "extended local header:", "no")); // no data descriptors
        Assert.Equal(3, CountOf(verbose, "file system or operating system of origin:", "Unix"));
    }

    [Fact]
    public async Task Incompressible_files_are_stored_and_text_is_deflated_as_zip_would()
    {
        var (zip, summary) = await WriteAsync(
            Entry("font.woff2", TempTree.Noise(100_000, 3)),
            Entry("bundle.js", Encoding.UTF8.GetBytes(Text[..100_000])),
            Entry("tiny.txt", "ab"u8.ToArray()));

        var listing = (await Tool.OkAsync("zipinfo", zip)).Split('\n');
        Assert.Contains(" stor ", listing.Single(l => l.EndsWith("font.woff2")));
        Assert.Contains(" defN ", listing.Single(l => l.EndsWith("bundle.js")));
        Assert.Contains(" stor ", listing.Single(l => l.EndsWith("tiny.txt")));
        Assert.Equal(100_000, summary.Entries.Single(e => e.Name == "font.woff2").CompressedSize);
    }

    [Fact]
    public async Task The_same_entries_in_any_order_give_the_same_bytes()
    {
        var a = Entry("a.js", "a"u8.ToArray());
        var b = Entry("b/big.js", Encoding.UTF8.GetBytes(Text));
        var c = Entry("c.js", "c"u8.ToArray());
        var (first, _) = await WriteAsync(a, b, c);
        var firstBytes = await File.ReadAllBytesAsync(first);
        var (second, _) = await WriteAsync(c, b, a);
        Assert.Equal(firstBytes, await File.ReadAllBytesAsync(second));
    }

    [Theory]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("../outside.js", "'..'")]
    [InlineData("a/../../b.js", "'..'")]
    [InlineData("a\\b.js", "backslash")]
    public async Task Names_that_could_escape_the_extract_folder_are_refused(string name, string reason)
    {
        _tree.File("f.js", "x");
        var error = await Assert.ThrowsAsync<PackagingException>(() =>
            WriteAsync(new ZipEntrySource(name, _tree.PathOf("f.js"), 1, false)));
        Assert.Contains(name, error.Message);
        Assert.Contains(reason, error.Message);
    }

    private static int CountOf(string zipinfoVerbose, string field, string value) =>
        zipinfoVerbose.Split('\n').Select(l => l.Trim()).Count(l => l.StartsWith(field) && l[field.Length..].Trim() == value);
}
