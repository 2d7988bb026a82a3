using Liftoff.Building;
using Liftoff.Configuration;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Containment;

/// <summary>
/// esbuild follows symlinks when it resolves an import, so a bundle can carry a file from outside the repository. The
/// metafile it writes (https://esbuild.github.io/api/#metafile: "inputs" keyed by path relative to the working folder)
/// lists every file it read, by the real path it resolved; each must be inside the repository. Real files; the metafile as
/// esbuild writes it.
/// </summary>
public sealed class BundleInputsTests : IDisposable
{
    private readonly TempRepository _repository = new TempRepository().Write("projects/shop/quotes/src/index.ts", "export const handler = 1;\n");
    private readonly TempRepository _outside = new TempRepository().Write("secrets.ts", "export const key = 'outside';\n");

    public void Dispose()
    {
        _repository.Dispose();
        _outside.Dispose();
    }

    private string Source => Path.Combine(_repository.Root, "projects/shop/quotes");

    private async Task CheckAsync(params string[] inputs)
    {
        var metafile = Path.Combine(_repository.Root, "meta.json");
        await File.WriteAllTextAsync(metafile,
            "{ \"inputs\": { " + string.Join(", ", inputs.Select(i => $"\"{i}\": {{ \"bytes\": 10, \"imports\": [] }}")) + " }, \"outputs\": {} }");
        await BundleInputs.CheckAsync("shop", "quotes", Source, metafile, new RepositoryBoundary(_repository.Root), CancellationToken.None);
    }

    [Fact]
    public async Task A_bundle_of_files_inside_the_repository_passes()
    {
        await CheckAsync("src/index.ts", "node_modules/tslib/tslib.es6.mjs", "<stdin>");
    }

    [Fact]
    public async Task A_bundled_file_outside_the_repository_is_refused_by_name()
    {
        var relative = Path.GetRelativePath(Source, Path.Combine(_outside.Root, "secrets.ts")).Replace('\\', '/');

        var failure = await Assert.ThrowsAsync<BuildStepException>(() => CheckAsync("src/index.ts", relative));

        Assert.Contains("[shop] quotes: the bundle would include", failure.Message);
        Assert.Contains(Path.Combine(_outside.Root, "secrets.ts"), failure.Message);
        Assert.Contains("outside the repository", failure.Message);
    }
}
