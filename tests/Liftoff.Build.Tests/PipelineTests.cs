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
    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    private async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var build = new Build();
        var output = new StringWriter();
        var exitCode = await build.RunAsync(
            new BuildInvocation(arguments, environment, output, IsTerminal: false, RootDirectory: _root),
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

    /// <summary>
    /// Names common in shells and CI for something else must never steer a deploy (issue 11): Liftoff's own switches are
    /// read from the environment only as LIFTOFF_X (or NUKE's NUKE_X), never by their bare names.
    /// </summary>
    [Fact]
    public async Task Bare_environment_names_of_Liftoffs_switches_have_no_effect()
    {
        var environment = new Dictionary<string, string>
        {
            ["APPROVE"] = "true", ["ENV"] = "local", ["FORCE"] = "true", ["PROJECT"] = "x",
            ["DRY_RUN"] = "true", ["FORCE_UNLOCK"] = "true",
        };

        var (helpExit, help) = await RunAsync(environment, "--help");
        var (planExit, plan) = await RunAsync(environment, "Deploy", "--skip");

        Assert.Equal(0, helpExit);
        Assert.DoesNotContain("the environment variable", help);
        foreach (var option in new[] { "--approve", "--force", "--dry-run", "--force-unlock" })
            Assert.Contains(help.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith(option + " ", StringComparison.Ordinal) && l.Contains(" = False ", StringComparison.Ordinal));
        Assert.Equal(2, planExit);
        Assert.Contains("Target Deploy needs the parameter Env", plan);
    }

    [Fact]
    public async Task The_prefixed_names_do_set_them()
    {
        var (exitCode, help) = await RunAsync(new Dictionary<string, string> { ["LIFTOFF_APPROVE"] = "true", ["NUKE_ENV"] = "local" }, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("= True (the environment variable LIFTOFF_APPROVE)", help);
        Assert.Contains("= local (the environment variable NUKE_ENV)", help);
    }
}
