using System.IO.Compression;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Trust;

namespace Liftoff.Tests.Containment;

/// <summary>
/// Every file that goes into an artifact or a site bucket resolves, by real path, inside the repository. Real
/// symlinks, Compile and Package run in-process as ./build.sh runs them; a file outside the repository stands for
/// ~/.aws/credentials.
/// </summary>
public sealed class ContainmentTests : IDisposable
{
    private const string Secret = "aws_secret_access_key = outside-the-repository";

    private readonly TempRepository _repository = ValidRepository.Create().Folder(".nuke");
    private readonly TempRepository _outside = new();

    public ContainmentTests() => _outside.Write("credentials", Secret).Write("lib/helper.js", "module.exports = 1;\n");

    public void Dispose()
    {
        _repository.Dispose();
        _outside.Dispose();
    }

    private string InRepository(string relativePath) => Path.Combine(_repository.Root, relativePath);
    private string Artifact => InRepository("artifacts/shop/api.zip");

    [Fact]
    public async Task A_link_to_a_file_outside_is_refused_naming_the_link_and_its_target()
    {
        File.CreateSymbolicLink(InRepository("projects/shop/api/credentials.txt"), Path.Combine(_outside.Root, "credentials"));

        var run = await RunAsync("Package");

        Assert.Equal(1, run.ExitCode);
        Says(run, $"'projects/shop/api/credentials.txt' is a symlink to {Path.Combine(_outside.Root, "credentials")}, outside the repository");
        Assert.False(File.Exists(Artifact));
        Assert.DoesNotContain(Secret, StagedText());
    }

    [Fact]
    public async Task A_link_to_a_folder_outside_is_refused()
    {
        Directory.CreateSymbolicLink(InRepository("projects/shop/api/lib"), Path.Combine(_outside.Root, "lib"));

        var run = await RunAsync("Package");

        Assert.Equal(1, run.ExitCode);
        Says(run, $"'projects/shop/api/lib' is a symlink to {Path.Combine(_outside.Root, "lib")}, outside the repository");
        Assert.False(File.Exists(Artifact));
    }

    [Fact]
    public async Task A_source_folder_that_is_a_link_out_of_the_repository_is_a_configuration_error()
    {
        _outside.Write("api/index.js", "exports.handler = async () => ({ statusCode: 200 });\n");
        Directory.Delete(InRepository("projects/shop/api"), recursive: true);
        Directory.CreateSymbolicLink(InRepository("projects/shop/api"), Path.Combine(_outside.Root, "api"));

        var run = await RunAsync("Package");

        Assert.Equal(1, run.ExitCode);
        Says(run, "projects/shop/project.yaml:6:13: 'functions.api.source' is 'api', but 'projects/shop/api' is a symlink to");
        Says(run, $"{Path.Combine(_outside.Root, "api")}, outside the repository");
        Assert.False(File.Exists(Artifact));
    }

    [Fact]
    public async Task A_site_file_linked_from_outside_is_refused()
    {
        _repository.Write("projects/shop/project.yaml", ValidRepository.Project + """

            frontEnd:
              source: site
              build: mkdir -p dist && echo '<h1>shop</h1>' > dist/index.html && ln -sf CREDENTIALS dist/robots.txt
              output: site/dist
            """.Replace("CREDENTIALS", Path.Combine(_outside.Root, "credentials")));
        _repository.Write("projects/shop/site/README.md", "the shop's site\n");

        var run = await RunAsync("Package");

        Assert.Equal(1, run.ExitCode);
        Says(run, $"'robots.txt' in the front end of shop: 'projects/shop/site/dist/robots.txt' is a symlink to {Path.Combine(_outside.Root, "credentials")}");
        Assert.DoesNotContain("robots.txt", File.ReadAllText(InRepository("artifacts/manifest.json")));
    }

    [Fact]
    public async Task Links_that_stay_inside_the_repository_are_followed_into_the_artifact()
    {
        // A pnpm-style tree: node_modules/dep links into node_modules/.pnpm, as pnpm lays packages out, and a source
        // file links to a folder shared by the repository's projects.
        _repository.Write("shared/config.json", """{ "region": "us-east-1" }""");
        WritePnpmInstalledDependency("projects/shop/api", "dep", "module.exports = 'from dep';\n");
        _repository.Write("projects/shop/api/index.js",
            "const dep = require('dep'); const config = require('./config.json');\nexports.handler = async () => ({ statusCode: 200, body: dep + config.region });\n");
        File.CreateSymbolicLink(InRepository("projects/shop/api/config.json"), Path.Combine("..", "..", "..", "shared", "config.json"));

        var run = await RunAsync("Package");

        Assert.True(run.ExitCode == 0, run.Output);
        using var zip = ZipFile.OpenRead(Artifact);
        Assert.Equal("module.exports = 'from dep';\n", Read(zip, "node_modules/dep/index.js"));
        Assert.Equal("""{ "region": "us-east-1" }""", Read(zip, "config.json"));
    }

    /// <summary>
    /// What `pnpm install` leaves for one dependency, with npm's lock files and Liftoff's own stamp, so Compile finds
    /// node_modules current and runs no `npm ci` (which would need a registry).
    /// </summary>
    private void WritePnpmInstalledDependency(string function, string name, string code)
    {
        const string packageJson = """{ "name": "api", "version": "1.0.0", "dependencies": { "dep": "1.0.0" } }""";
        const string lockFile = """
            { "name": "api", "lockfileVersion": 3, "requires": true,
              "packages": { "": { "name": "api", "dependencies": { "dep": "1.0.0" } },
                            "node_modules/dep": { "version": "1.0.0" } } }
            """;
        _repository.Write($"{function}/package.json", packageJson)
            .Write($"{function}/package-lock.json", lockFile)
            .Write($"{function}/node_modules/.package-lock.json", lockFile)
            .Write($"{function}/node_modules/.pnpm/{name}@1.0.0/node_modules/{name}/package.json", $$"""{ "name": "{{name}}", "version": "1.0.0" }""")
            .Write($"{function}/node_modules/.pnpm/{name}@1.0.0/node_modules/{name}/index.js", code);
        Directory.CreateSymbolicLink(InRepository($"{function}/node_modules/{name}"), Path.Combine(".pnpm", $"{name}@1.0.0", "node_modules", name));
        var stamp = Sha256(InRepository($"{function}/package-lock.json")) + " " + Sha256(InRepository($"{function}/node_modules/.package-lock.json"));
        _repository.Write($"{function}/node_modules/.liftoff-npm-ci.sha256", stamp);
    }

    /// <summary>Assert.Contains across the console's line wrapping, showing the whole output when the text is not in it.</summary>
    private static void Says(BuildRun run, string text) =>
        Assert.True(run.Text.Contains(text, StringComparison.Ordinal), $"Expected: {text}\nOutput:\n{run.Output}");

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Everything Compile left in the staging folders, links not followed.</summary>
    private string StagedText()
    {
        var staging = InRepository(".nuke/temp/staging");
        if (!Directory.Exists(staging)) return "";
        return string.Concat(Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).LinkTarget is null)
            .Select(File.ReadAllText));
    }

    private Task<BuildRun> RunAsync(string commandLine) => TrustBuild.RunAsync<PackageBuild>(_repository.Root, commandLine);

    private sealed class PackageBuild : LiftoffBuild, IPackage;
}
