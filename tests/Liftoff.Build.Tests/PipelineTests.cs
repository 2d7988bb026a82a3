using Liftoff.Components;
using Liftoff.Engine;

namespace Liftoff.Build.Tests;

/// <summary>The real pipeline, run in-process as ./build.sh would run it.</summary>
public sealed class PipelineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "liftoff-build-tests", Guid.NewGuid().ToString("N"));

    public PipelineTests() => Directory.CreateDirectory(Path.Combine(_root, ".nuke"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Runs the Build in a scratch root (with an empty .nuke folder) and a clean, non-CI environment.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var build = new Build();
        var output = new StringWriter();
        var exitCode = await build.RunAsync(
            new BuildInvocation(arguments, new Dictionary<string, string>(), output, IsTerminal: false, RootDirectory: _root),
            [((ICompile)build).Compile], CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task The_checked_in_build_schema_is_what_the_build_generates()
    {
        await RunAsync("--help");

        var generated = await File.ReadAllTextAsync(Path.Combine(_root, ".nuke", "build.schema.json"));
        var checkedIn = await File.ReadAllTextAsync(Path.Combine(Repository.Root, ".nuke", "build.schema.json"));
        Assert.True(generated.ReplaceLineEndings() == checkedIn.ReplaceLineEndings(),
            ".nuke/build.schema.json is stale: the build's targets or parameters changed since it was generated. " +
            "Run ./build.sh --help to refresh it, then commit it.\nGenerated:\n" + generated);
    }

    [Fact]
    public async Task Deploy_plans_compile_package_upload_deploy_then_the_checks_it_triggers()
    {
        var (exitCode, output) = await RunAsync("Deploy", "--plan", "--env", "staging");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Compile", "Package", "Upload", "Deploy", "SmokeTest", "InvalidateCdn"], PlannedSteps(output, withSkipped: false));
        Assert.Contains("LocalAws (skipped)", PlannedSteps(output, withSkipped: true));
    }

    [Fact]
    public async Task Deploy_to_the_local_environment_starts_the_local_aws_before_uploading()
    {
        var (exitCode, output) = await RunAsync("Deploy", "--plan", "--env", "local");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Compile", "Package", "LocalAws", "Upload", "Deploy", "SmokeTest", "InvalidateCdn"], PlannedSteps(output, withSkipped: false));
    }

    private static string[] PlannedSteps(string output, bool withSkipped) =>
        output.ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 2 && char.IsDigit(l[0]) && l.Contains(". "))
            .Select(l => l[(l.IndexOf(". ", StringComparison.Ordinal) + 2)..])
            .Where(step => withSkipped || !step.EndsWith("(skipped)", StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public async Task Help_lists_the_eight_targets_with_descriptions()
    {
        var (exitCode, output) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        foreach (var target in new[] { "Compile", "Test", "Package", "Upload", "Deploy", "SmokeTest", "InvalidateCdn", "Rollback" })
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(target + " ", StringComparison.Ordinal));
            Assert.True(line is not null && line[target.Length..].Trim().Length > 0, $"{target} is not listed with a description:\n{output}");
        }
    }

    [Fact]
    public async Task A_misspelt_target_exits_2_and_suggests_the_right_one()
    {
        var (exitCode, output) = await RunAsync("Deplyo");

        Assert.Equal(2, exitCode);
        Assert.Contains("Did you mean 'Deploy'?", output);
    }
}
