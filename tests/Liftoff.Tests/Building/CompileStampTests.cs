using Liftoff.Building;

namespace Liftoff.Tests.Building;

/// <summary>
/// Compile builds a function or front end again only when something it is built from changed (by content), or what its
/// last build left was changed; on the compiled samples, each test leaving them as it found them.
/// </summary>
[Collection(CompiledSamplesCollection.Name)]
public sealed class CompileStampTests(CompiledSamples samples)
{
    private string App => Path.Combine(samples.Function("media-register").SourceDirectory, "app.py");

    private async Task<string> CompileAsync(bool force = false)
    {
        var output = new CapturedOutput();
        await new ProjectCompiler(samples.Root, output, force: force).CompileAsync(samples.Builds, CancellationToken.None);
        return output.Text;
    }

    [Fact]
    public async Task A_second_compile_builds_nothing_when_nothing_changed()
    {
        await CompileAsync();

        var again = await CompileAsync();

        Assert.Contains("[fraud-or-not] api: up to date", again);
        Assert.Contains("[media-register] register: up to date", again);
        Assert.Contains("[people-cards] users: up to date", again);
        Assert.Contains("[people-cards] front end: up to date (3 files in dist", again);
        Assert.DoesNotContain("bundled", again);
        Assert.DoesNotContain("staged 6 files", again);
        Assert.DoesNotContain("built 3 files into dist", again); // the front end's own build command did not run
        Assert.True(File.Exists(Path.Combine(samples.Function("people-cards").StagingDirectory, "index.js")));
    }

    [Fact]
    public async Task A_source_touched_without_a_change_is_not_built_again_but_one_edited_to_the_same_size_is()
    {
        var original = await File.ReadAllTextAsync(App);
        await CompileAsync();
        try
        {
            File.SetLastWriteTimeUtc(App, DateTime.UtcNow.AddMinutes(1)); // a checkout or `touch`: new time, same bytes
            Assert.Contains("[media-register] register: up to date", await CompileAsync());

            // Same size, other bytes (Compile copies the file, it does not run it): only its content tells.
            var edited = (original[0] == 'x' ? "y" : "x") + original[1..];
            await File.WriteAllTextAsync(App, edited);
            File.SetLastWriteTimeUtc(App, DateTime.UtcNow.AddMinutes(1));

            var output = await CompileAsync();

            Assert.Contains("[media-register] register: staged", output);
            Assert.Contains("[fraud-or-not] api: up to date", output);
            Assert.Equal(edited, await File.ReadAllTextAsync(Path.Combine(samples.Function("media-register").StagingDirectory, "app.py")));
        }
        finally
        {
            await File.WriteAllTextAsync(App, original);
            await CompileAsync();
        }
    }

    [Fact]
    public async Task A_staging_folder_changed_since_the_last_build_is_built_again()
    {
        await CompileAsync();
        var staged = Path.Combine(samples.Function("people-cards").StagingDirectory, "index.js.map");
        File.Delete(staged);

        var output = await CompileAsync();

        Assert.Contains("[people-cards] users: bundled src/index.ts into index.js", output);
        Assert.True(File.Exists(staged));
    }

    [Fact]
    public async Task Force_builds_everything_again()
    {
        await CompileAsync();

        var output = await CompileAsync(force: true);

        Assert.Contains("[people-cards] users: bundled", output);
        Assert.Contains("[media-register] register: staged", output);
        Assert.Contains("[fraud-or-not] built 3 files into dist", output);
    }
}
