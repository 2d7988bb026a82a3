using Liftoff.Engine.CI;
using Liftoff.Engine.CI.GitHubActions;
using Liftoff.Engine.IO;
using Liftoff.Engine.ProjectModel;
using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Execution;

/// <summary>Lifecycle overrides, [Required], [CI] and the GitHub Actions host object, [Solution] on a .sln, AbsolutePath.</summary>
public class NukeShapeTests
{
    private sealed class Build : TestBuild
    {
        [CI] public GitHubActions? Actions { get; set; }
        public string? FailIn { get; set; }

        protected internal override void OnBuildInitialized() { Ran.Add("initialized"); if (FailIn == "init") throw new InvalidOperationException("no"); }
        protected internal override void OnTargetRunning(string target) => Ran.Add("running " + target);
        protected internal override void OnTargetSucceeded(string target) => Ran.Add("succeeded " + target);
        protected internal override void OnBuildFinished() => Ran.Add("finished " + string.Join(",", SucceededTargets.Select(t => t.Name)));

        public Target Compile => _ => _.Executes(Record());
        public Target Info => _ => _.Executes(() => Ran.Add($"{Actions?.RunId}|{Actions?.Ref}|{GitHubActions.Instance?.Actor}|{Actions?.Token}"));
    }

    private sealed class RequiredBuild : TestBuild
    {
        [Required, Parameter("Key")] public string? Key { get; set; }
        [Required, Solution] public Solution? Solution { get; set; }
        public Target Compile => _ => _.Executes(() => Ran.Add(string.Join(",", Solution!.AllProjects.Select(p => p.Name))));
    }

    [Fact]
    public async Task Lifecycle_overrides_run_in_NUKEs_order()
    {
        var build = new Build();

        await InProcess.RunAsync(build, "Compile");

        Assert.Equal(["initialized", "running Compile", "Compile", "succeeded Compile", "finished Compile"], build.Ran);
    }

    [Fact]
    public async Task An_override_that_throws_before_the_targets_fails_the_build_with_exit_1()
    {
        var build = new Build { FailIn = "init" };

        var outcome = await InProcess.RunAsync(build, "Compile");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("OnBuildInitialized threw: no", outcome.Output);
        Assert.DoesNotContain("Compile", build.Ran);
    }

    [Fact]
    public async Task On_GitHub_Actions_the_host_object_is_injected_and_its_token_masked()
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Info", InProcess.Environment(("GITHUB_ACTIONS", "true"), ("GITHUB_RUN_ID", "42"),
            ("GITHUB_REF", "refs/heads/main"), ("GITHUB_ACTOR", "octocat"), ("GITHUB_TOKEN", "ghs_token_value_123")));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("42|refs/heads/main|octocat|ghs_token_value_123", build.Ran.Single(r => r.StartsWith("42")));
        Assert.DoesNotContain("ghs_token_value_123", outcome.Output);
    }

    [Fact]
    public async Task Elsewhere_the_host_object_is_null()
    {
        var build = new Build();

        await InProcess.RunAsync(build, "Info");

        Assert.Contains("|||", build.Ran);
    }

    [Fact]
    public async Task Required_members_without_a_value_are_a_usage_error_naming_each()
    {
        var outcome = await InProcess.RunAsync(new RequiredBuild(), "Compile");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Key is required: give --key <value>", outcome.Output);
        Assert.Contains("Solution is required", outcome.Output);
    }

    [Fact]
    public async Task The_solution_comes_from_the_parameters_file_as_NUKEs_setup_writes_it()
    {
        using var root = new TestRoot()
            .Write(".nuke/parameters.json", """{ "Solution": "App.sln", "Key": "k" }""")
            .Write("App.sln", """

                Microsoft Visual Studio Solution File, Format Version 12.00
                Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{827E0CD3-B72D-47B6-A68D-7590B98EB39B}"
                EndProject
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\Api\Api.csproj", "{451CD443-4ADF-4B09-B6CD-B903BC43ABFD}"
                EndProject
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Tool", "Tool\Tool.csproj", "{9E2B0984-876D-461F-8D81-33C30A2BA7ED}"
                EndProject
                Global
                	GlobalSection(NestedProjects) = preSolution
                		{451CD443-4ADF-4B09-B6CD-B903BC43ABFD} = {827E0CD3-B72D-47B6-A68D-7590B98EB39B}
                	EndGlobalSection
                EndGlobal
                """);
        var build = new RequiredBuild();

        var outcome = await InProcess.RunAsync(build, "Compile", root: root);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(["Api,Tool"], build.Ran);
        Assert.Equal(["Tool"], build.Solution!.Projects.Select(p => p.Name));
        Assert.Equal(Path.Combine(root.Path, "src", "Api", "Api.csproj"), build.Solution.GetProject("api")!.Path);
        Assert.Equal("src", build.Solution.GetProject("Api")!.SolutionFolder!.Name);
    }

    private sealed class ComponentBuild : TestBuild, Engine.Components.IHazSolution, Engine.Components.IHazArtifacts
    {
        public Target Show => _ => _.Executes(() =>
            Ran.Add($"{((Engine.Components.IHazSolution)this).Solution.Name}|{((Engine.Components.IHazArtifacts)this).ArtifactsDirectory.Name}"));
    }

    [Fact]
    public async Task NUKEs_components_inject_through_interface_members()
    {
        using var root = new TestRoot()
            .Write(".nuke/parameters.json", """{ "Solution": "App.slnx" }""")
            .Write("App.slnx", """<Solution><Project Path="a/A.csproj" /></Solution>""");
        var build = new ComponentBuild();

        var outcome = await InProcess.RunAsync(build, "Show", root: root);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(["App|output"], build.Ran);
    }

    [Fact]
    public void AbsolutePath_joins_appends_and_does_file_work_as_NUKEs()
    {
        using var root = new TestRoot();
        var directory = AbsolutePath.Create(root.Path) / "out";

        (directory / "a" / "one.txt").WriteAllText("1");
        (directory / "b" / "two.txt").WriteAllText("2");
        directory.ZipTo(directory.Parent / "out.zip");
        (directory.Parent / "out.zip").UnZipTo(directory.Parent / "copy");

        Assert.Equal("two.txt.bak", (directory / "b" / "two.txt" + ".bak").Name);
        Assert.Equal(["one.txt", "two.txt"], (directory.Parent / "copy").GlobFiles("**/*.txt").Select(p => p.Name));
        Assert.Equal(["a"], directory.GlobDirectories("a").Select(p => p.Name));
        Assert.Equal("2", (directory.Parent / "copy" / "b" / "two.txt").ReadAllText());
        Assert.Empty(directory.CreateOrCleanDirectory().GlobFiles("**/*"));
        Assert.Equal("out", directory.NameWithoutExtension);
    }
}
