using Liftoff.Building;

namespace Liftoff.Tests.Building;

/// <summary>Compile on the real sample projects: what lands in each staging folder, and that it runs.</summary>
[Collection(CompiledSamplesCollection.Name)]
public sealed class ProjectCompilerTests(CompiledSamples samples)
{
    private static string[] Files(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Stages_every_function_under_nuke_temp_staging()
    {
        Assert.Equal(
            ["fraud-or-not/api", "media-register/register", "people-cards/users"],
            samples.Report.Functions.Select(f => $"{f.Project}/{f.Function}"));
        Assert.All(samples.Report.Functions, f =>
            Assert.Equal(Path.Combine(samples.Root, ".nuke", "temp", "staging", f.Project, f.Function), f.StagingDirectory));
    }

    [Fact]
    public void Node_staging_has_the_sources_and_only_production_packages()
    {
        var files = Files(samples.Function("fraud-or-not").StagingDirectory);

        Assert.Contains("index.js", files);
        Assert.Contains("lib/score.js", files);
        Assert.Contains("package.json", files);
        Assert.Contains("node_modules/fastest-levenshtein/package.json", files);
        Assert.DoesNotContain("package-lock.json", files);
        Assert.DoesNotContain(files, f => f.StartsWith("node_modules/.", StringComparison.Ordinal));
    }

    [Fact]
    public void Node_packages_are_linked_from_the_functions_node_modules_not_copied()
    {
        var function = samples.Function("fraud-or-not");
        var staged = new DirectoryInfo(Path.Combine(function.StagingDirectory, "node_modules", "fastest-levenshtein"));

        Assert.NotNull(staged.LinkTarget);
        Assert.Equal(Path.Combine(function.SourceDirectory, "node_modules", "fastest-levenshtein"),
            Path.GetFullPath(staged.LinkTarget, staged.Parent!.FullName));
    }

    [Fact]
    public async Task Node_staging_runs_its_handler_with_the_staged_dependency()
    {
        var staging = samples.Function("fraud-or-not").StagingDirectory;

        var printed = await ProcessProbe.RunAsync(staging, "node", "-e", """
            const { createHandler } = require('./index.js');
            createHandler({ record: async () => {} })({ httpMethod: 'POST', resource: '/check',
              body: JSON.stringify({ email: 'x@mailinator.com', name: 'Ann', amount: 5000, cardCountry: 'GB' }) })
              .then(r => console.log(r.statusCode, JSON.parse(r.body).verdict));
            """);

        Assert.Equal("200 fraud", printed);
    }

    [Fact]
    public async Task TypeScript_staging_is_one_bundle_without_dev_dependencies()
    {
        var staging = samples.Function("people-cards").StagingDirectory;

        Assert.Equal(["index.js", "index.js.map"], Files(staging));
        var printed = await ProcessProbe.RunAsync(staging, "node", "-e",
            "require('./index.js').handler({ httpMethod: 'GET', resource: '/health' }).then(r => console.log(r.statusCode, r.body))");
        Assert.Equal("""200 {"status":"ok"}""", printed);
    }

    [Fact]
    public async Task Python_staging_has_the_sources_and_imports()
    {
        var staging = samples.Function("media-register").StagingDirectory;

        Assert.Contains("app.py", Files(staging));
        Assert.DoesNotContain(Files(staging), f => f.Contains("__pycache__", StringComparison.Ordinal));
        var printed = await ProcessProbe.RunAsync(staging, "python3", "-c",
            "import app; print(app.create_handler(None, None)({'httpMethod': 'GET', 'resource': '/health'})['statusCode'])");
        Assert.Equal("200", printed);
    }

    [Fact]
    public void Front_ends_are_built_with_fingerprinted_assets()
    {
        Assert.Equal(3, samples.Report.FrontEndFiles["fraud-or-not"]);
        Assert.Equal(3, samples.Report.FrontEndFiles["people-cards"]);
        var dist = Path.Combine(samples.Root, "projects", "people-cards", "frontend", "dist");
        var html = File.ReadAllText(Path.Combine(dist, "index.html"));
        var script = Assert.Single(Files(dist), f => f.StartsWith("app.", StringComparison.Ordinal));
        Assert.Matches(@"^app\.[0-9a-f]{8}\.js$", script);
        Assert.Contains($"src=\"{script}\"", html);
    }

    [Fact]
    public void Streams_tool_output_prefixed_with_the_project()
    {
        Assert.Contains("[fraud-or-not] added 1 package", samples.Output);
        Assert.Contains("[people-cards] users: bundled src/index.ts into index.js", samples.Output);
    }

    [Fact]
    public async Task A_second_compile_skips_npm_ci_when_nothing_changed()
    {
        var output = new CapturedOutput();

        // Forced: without it nothing is built again at all (CompileStampTests).
        await new ProjectCompiler(samples.Root, output, force: true).CompileAsync(samples.Builds, CancellationToken.None);

        Assert.Contains("[fraud-or-not] node_modules matches package-lock.json in api; npm ci skipped", output.Text);
        Assert.Contains("[people-cards] node_modules matches package-lock.json in users; npm ci skipped", output.Text);
        Assert.DoesNotContain("added ", output.Text);
        // Staging is made anew each time; removing the old one removed the links, not what they led to.
        Assert.True(File.Exists(Path.Combine(samples.Function("fraud-or-not").SourceDirectory, "node_modules", "fastest-levenshtein", "package.json")));
        Assert.Contains("node_modules/fastest-levenshtein/package.json", Files(samples.Function("fraud-or-not").StagingDirectory));
    }
}
