using System;
using System.Linq;
using Nuke.Common;
using Nuke.Common.CI;
using Nuke.Common.CI.GitHubActions;
using Nuke.Common.Execution;
using Nuke.Common.Git;
using Nuke.Common.IO;
using Nuke.Common.ProjectModel;
using Nuke.Common.Tooling;
using Nuke.Common.Tools.DotNet;
using Nuke.Common.Utilities;
using Nuke.Common.Utilities.Collections;
using Serilog;
using static Nuke.Common.EnvironmentInfo;
using static Nuke.Common.Tools.DotNet.DotNetTasks;

// A build as NUKE's setup and docs shape one; the porting test changes nothing here but what README's rule says.
[ShutdownDotNetAfterServerBuild]
[UnsetVisualStudioEnvironmentVariables]
[DotNetVerbosityMapping]
[GitHubActions(
    "continuous",
    GitHubActionsImage.UbuntuLatest,
    On = new[] { GitHubActionsTrigger.Push },
    InvokedTargets = new[] { nameof(Test), nameof(Pack) },
    ImportSecrets = new[] { nameof(NuGetApiKey) },
    EnableGitHubToken = true)]
class Build : NukeBuild
{
    public static int Main() => Execute<Build>(x => x.Compile);

    [Parameter("Configuration to build - Default is 'Debug' (local) or 'Release' (server)")]
    readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    [Parameter("Package version")] readonly string PackageVersion = "1.0.0";
    [Parameter("NuGet API key"), Secret] readonly string NuGetApiKey;
    [Parameter("NuGet source")] readonly string NuGetSource = "https://api.nuget.org/v3/index.json";

    [Required] [Solution] readonly Solution Solution;
    [GitRepository] readonly GitRepository GitRepository;
    [CI] readonly GitHubActions GitHubActions;

    AbsolutePath SourceDirectory => RootDirectory / "src";
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    protected override void OnBuildInitialized()
    {
        Log.Information("Building {Solution} in {Configuration} on branch {Branch} ({Platform})",
            Solution.Name, Configuration, GitRepository.Branch, IsUnix ? "unix" : "windows");
        Log.Information("On the main branch: {Main}; tags here: {Tags}; CI: {CI}",
            GitRepository.IsOnMainBranch(), GitRepository.Tags.JoinSpace(), GitHubActions?.RunId.ToString() ?? "none");
    }

    protected override void OnTargetRunning(string target) => Log.Debug("Starting {Target}", target);

    protected override void OnBuildFinished()
    {
        (ArtifactsDirectory / "build-report.txt").WriteAllText(
            SucceededTargets.Select(x => x.Name).JoinSpace() + Environment.NewLine + FailedTargets.Count);
    }

    Target Clean => _ => _
        .Before(Restore)
        .Executes(() =>
        {
            SourceDirectory.GlobDirectories("**/bin", "**/obj").ForEach(x => x.DeleteDirectory());
            ArtifactsDirectory.CreateOrCleanDirectory();
        });

    Target Restore => _ => _
        .Executes(() =>
        {
            DotNetRestore(_ => _
                .SetProjectFile(Solution));
        });

    Target Compile => _ => _
        .DependsOn(Restore)
        .Executes(() =>
        {
            Log.Information("Target frameworks: {Frameworks}", Solution.GetProject("Greeter").GetTargetFrameworks().JoinSpace());
            DotNetBuild(_ => _
                .SetProjectFile(Solution)
                .SetConfiguration(Configuration)
                .SetVersion(PackageVersion)
                .When(IsServerBuild, _ => _.EnableContinuousIntegrationBuild())
                .EnableNoRestore());
        });

    Target Test => _ => _
        .DependsOn(Compile)
        .Produces(TestResultsDirectory / "*.trx")
        .Executes(() =>
        {
            var testProjects = Solution.AllProjects.Where(x => x.Name.EndsWith(".Tests")).ToList();
            Assert.NotEmpty(testProjects);
            TestResultsDirectory.CreateOrCleanDirectory();
            DotNetTest(_ => _
                    .SetConfiguration(Configuration)
                    .EnableNoRestore()
                    .EnableNoBuild()
                    .SetResultsDirectory(TestResultsDirectory)
                    .CombineWith(testProjects, (_, v) => _
                        .SetProjectFile(v)
                        .SetLoggers($"trx;LogFileName={v.Name}.trx")),
                degreeOfParallelism: 2,
                completeOnFailure: true);
        });

    Target Pack => _ => _
        .DependsOn(Compile)
        .Produces(ArtifactsDirectory / "*.nupkg")
        .Executes(() =>
        {
            DotNetPack(_ => _
                .SetProjectFile(Solution.GetProject("Greeter"))
                .SetConfiguration(Configuration)
                .SetVersion(PackageVersion)
                .SetOutputDirectory(ArtifactsDirectory)
                .EnableNoRestore()
                .EnableNoBuild());

            var package = ArtifactsDirectory.GlobFiles("*.nupkg").Single();
            var contents = ArtifactsDirectory / package.NameWithoutExtension;
            package.UnZipTo(contents);
            Assert.FileExists(contents / "lib" / "net10.0" / "Greeter.dll");
            contents.ZipTo(ArtifactsDirectory / "inspected.zip");
            ReportSummary(_ => _.AddPair("Package", package.Name));
        });

    Target Publish => _ => _
        .DependsOn(Test, Pack)
        .Consumes(Pack)
        .Requires(() => NuGetApiKey)
        .Executes(() =>
        {
            DotNetNuGetPush(_ => _
                    .SetSource(NuGetSource)
                    .SetApiKey(NuGetApiKey)
                    .CombineWith(ArtifactsDirectory.GlobFiles("*.nupkg"), (_, v) => _
                        .SetTargetPath(v)),
                degreeOfParallelism: 1,
                completeOnFailure: true);
        });
}
