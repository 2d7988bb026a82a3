using Liftoff.Packaging;

namespace Liftoff.Tests.Packaging;

public sealed class FileSelectionTests : IDisposable
{
    private readonly Staging _staging = new Staging().NodeFunction();

    public void Dispose() => _staging.Dispose();

    private void AddClutter() => _staging
        .File(".git/HEAD", "ref: refs/heads/main\n")
        .File("__pycache__/mod.cpython-312.pyc", "bytecode")
        .File("helpers.pyc", "bytecode")
        .File("index.js.map", "{\"version\":3}")
        .File("node_modules/left-pad/index.js.map", "{\"version\":3}")
        .File("test/index.test.js", "test('x', () => {});")
        .File("src/handler.spec.ts", "describe('x', () => {});")
        .File("node_modules/test/index.js", "module.exports = 'a package called test';");

    [Fact]
    public async Task Version_control_bytecode_source_maps_and_tests_stay_out_by_default()
    {
        AddClutter();

        await _staging.PackageOneAsync();

        var names = await _staging.EntryNamesAsync();
        Assert.Equal(
            ["index.js", "lib/words.js", "node_modules/.bin/tool", "node_modules/left-pad/index.js", "node_modules/left-pad/package.json", "node_modules/test/index.js"],
            names);
    }

    [Fact]
    public async Task The_catch_all_include_of_project_yaml_keeps_the_default_exclusions()
    {
        AddClutter();
        _staging.Request = _staging.Request with { Include = ["**/*"], Exclude = ["tests/**"] };

        await _staging.PackageOneAsync();

        var names = await _staging.EntryNamesAsync();
        Assert.Equal(
            ["index.js", "lib/words.js", "node_modules/.bin/tool", "node_modules/left-pad/index.js", "node_modules/left-pad/package.json", "node_modules/test/index.js"],
            names);
    }

    [Fact]
    public async Task Includes_choose_what_is_packaged()
    {
        AddClutter();
        _staging.Request = _staging.Request with { Include = ["index.js", "lib/**"] };

        await _staging.PackageOneAsync();

        Assert.Equal(["index.js", "lib/words.js"], await _staging.EntryNamesAsync());
    }

    [Fact]
    public async Task A_named_include_brings_back_default_exclusions_and_excludes_win_over_includes()
    {
        AddClutter();
        _staging.Request = _staging.Request with { Include = ["**/*", "**/*.map"], Exclude = ["lib/**", "node_modules/.bin/*", "node_modules/left-pad/index.js.map"] };

        await _staging.PackageOneAsync();

        var names = await _staging.EntryNamesAsync();
        Assert.Contains("index.js.map", names);
        Assert.DoesNotContain("node_modules/left-pad/index.js.map", names);
        Assert.DoesNotContain("lib/words.js", names);
        Assert.DoesNotContain("node_modules/.bin/tool", names);
        Assert.DoesNotContain(".git/HEAD", names);
        Assert.DoesNotContain("test/index.test.js", names);
    }

    [Fact]
    public async Task Symlinks_inside_the_project_are_followed_and_stored_as_the_files_they_point_to()
    {
        _staging.Root.File("projects/shop/shared/config.json", "{\"region\":\"eu-west-1\"}");
        _staging.Link("config.json", _staging.Root.PathOf("projects/shop/shared/config.json"));
        _staging.Link("node_modules/pad", "left-pad"); // a folder link, relative, inside the staging folder

        await _staging.PackageOneAsync();

        var names = await _staging.EntryNamesAsync();
        Assert.Contains("config.json", names);
        Assert.Contains("node_modules/pad/index.js", names);
        var extracted = _staging.Root.PathOf("x");
        await Tool.OkAsync("unzip", "-q", _staging.ZipPath, "-d", extracted);
        Assert.False(new FileInfo(Path.Combine(extracted, "config.json")).Attributes.HasFlag(FileAttributes.ReparsePoint));
        Assert.Equal("{\"region\":\"eu-west-1\"}", await File.ReadAllTextAsync(Path.Combine(extracted, "config.json")));
    }

    [Fact]
    public async Task A_symlink_leaving_the_project_fails_naming_the_link_and_its_target()
    {
        using var outside = new TempTree().File("secret.txt", "do not ship");
        _staging.Link("node_modules/evil/secret.txt", outside.PathOf("secret.txt"));

        var error = await Assert.ThrowsAsync<PackagingException>(() => _staging.PackageOneAsync());

        Assert.Contains("'node_modules/evil/secret.txt'", error.Message);
        Assert.Contains(outside.PathOf("secret.txt"), error.Message);
        Assert.Contains("outside the project", error.Message);
        Assert.False(File.Exists(_staging.ZipPath));
    }

    [Fact]
    public async Task A_relative_symlink_climbing_out_through_dot_dot_is_caught_too()
    {
        _staging.Link("escape", "../../../../../..");

        var error = await Assert.ThrowsAsync<PackagingException>(() => _staging.PackageOneAsync());

        Assert.Contains("'escape'", error.Message);
        Assert.Contains("outside the project", error.Message);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_fails_naming_it()
    {
        _staging.Link("lib/missing.js", "gone.js"); // a dangling link: nothing there to read

        var error = await Assert.ThrowsAsync<PackagingException>(() => _staging.PackageOneAsync());

        Assert.Contains("'lib/missing.js'", error.Message);
        Assert.Contains("cannot be read", error.Message);
    }

    [Fact]
    public async Task A_symlink_to_its_own_parent_folder_fails_instead_of_looping()
    {
        _staging.Link("lib/again", "..");

        var error = await Assert.ThrowsAsync<PackagingException>(() => _staging.PackageOneAsync());

        Assert.Contains("'lib/again'", error.Message);
        Assert.Contains("parent", error.Message);
    }

    [Fact]
    public async Task An_excluded_folder_is_not_looked_into_so_a_bad_link_there_does_not_matter()
    {
        _staging.Link(".git/hooks/outside", "/etc");

        await _staging.PackageOneAsync();

        Assert.DoesNotContain(await _staging.EntryNamesAsync(), n => n.StartsWith(".git/"));
    }
}
