using Liftoff.Engine.CI.GitHubActions;

namespace Liftoff.Engine.Tests.Porting;

/// <summary>
/// A build written for NUKE (tests/PortingSample/build) ports by README's rule alone: it compiles against Liftoff.Engine,
/// and its Compile, Test and Pack run against a small real solution with every feature it uses doing its work.
/// </summary>
public sealed class PortingTests(PortedBuild ported) : IClassFixture<PortedBuild>
{
    [Fact]
    public void The_sample_is_NUKE_source_that_never_names_Liftoff()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(PortedBuild.SampleDirectory, "build"), "*.cs"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("Liftoff", text);
            Assert.Contains("using Nuke.Common", text);
        }
    }

    [Fact]
    public void The_rule_changes_only_namespaces_and_the_base_class()
    {
        foreach (var (name, ported) in PortedBuild.PortedSources())
        {
            var original = File.ReadAllLines(Path.Combine(PortedBuild.SampleDirectory, "build", name));
            var changed = original.Zip(ported.Split('\n').Select(l => l.TrimEnd('\r'))).Where(p => p.First != p.Second).ToList();
            Assert.All(changed, line => Assert.True(
                line.First.StartsWith("using ", StringComparison.Ordinal) || line.First.StartsWith("class Build : NukeBuild", StringComparison.Ordinal),
                $"{name}: the rule changed \"{line.First}\""));
        }
    }

    [Fact]
    public void The_ported_build_compiles()
    {
        Assert.True(ported.Errors.Count == 0, string.Join(Environment.NewLine, ported.Errors));
    }

    [Fact]
    public void Compile_Test_and_Pack_succeed_against_the_real_solution()
    {
        Assert.True(ported.ExitCode == 0, ported.Output);
        Assert.Contains("Build succeeded", ported.Output);
    }

    [Fact]
    public void Test_ran_each_test_project_and_wrote_its_results()
    {
        var results = Path.Combine(ported.Root, "artifacts", "test-results", "Greeter.Tests.trx");
        Assert.True(File.Exists(results), ported.Output);
        Assert.Contains("outcome=\"Passed\"", File.ReadAllText(results));
    }

    [Fact]
    public void Pack_wrote_the_package_with_the_version_given_on_the_command_line()
    {
        Assert.True(File.Exists(Path.Combine(ported.Root, "artifacts", "Greeter.2.3.4.nupkg")), ported.Output);
        Assert.True(File.Exists(Path.Combine(ported.Root, "artifacts", "inspected.zip")));
        Assert.Contains("Package: Greeter.2.3.4.nupkg", ported.Output);
    }

    [Fact]
    public void The_configuration_enumeration_came_from_the_command_line()
    {
        Assert.True(Directory.Exists(Path.Combine(ported.Root, "src", "Greeter", "bin", "Release")), ported.Output);
        Assert.Contains("in Release on branch main", ported.Output);
    }

    [Fact]
    public void Lifecycle_overrides_ran_with_the_injected_solution_and_repository()
    {
        Assert.Contains("Building Greeter in Release on branch main (unix)", ported.Output.Replace("(windows)", "(unix)"));
        Assert.Contains("On the main branch: True; tags here: v1.0.0; CI: none", ported.Output);
        Assert.Contains("Starting Compile", ported.Output);
        Assert.Equal("Restore Compile Test Pack\n0", File.ReadAllText(Path.Combine(ported.Root, "artifacts", "build-report.txt")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_project_model_read_the_target_framework_from_MSBuild()
    {
        Assert.Contains("Target frameworks: net10.0", ported.Output);
    }

    [Fact]
    public void The_CI_attribute_is_readable_as_data()
    {
        var attribute = (GitHubActionsAttribute)ported.BuildType!.GetCustomAttributes(typeof(GitHubActionsAttribute), false).Single();

        Assert.Equal("continuous", attribute.Name);
        Assert.Equal([GitHubActionsImage.UbuntuLatest], attribute.Images);
        Assert.Equal(["Test", "Pack"], attribute.InvokedTargets);
        Assert.Equal(["NuGetApiKey"], attribute.ImportSecrets);
        Assert.True(attribute.EnableGitHubToken);
    }
}
