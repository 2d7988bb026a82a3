using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Output;

public class HostTests
{
    private sealed class Build : TestBuild
    {
        public BuildHost? SeenHost { get; private set; }
        public Target Compile => _ => _.Executes(() => { SeenHost = Host; Record()(); });
        public Target Test => _ => _.DependsOn(Compile).Executes(() => throw new InvalidOperationException("2 tests failed\nsee above: 100%"));
    }

    public class GitHubActions
    {
        private static readonly Dictionary<string, string> Environment = InProcess.Environment(
            ("GITHUB_ACTIONS", "true"), ("GITHUB_SERVER_URL", "https://github.example.com"),
            ("GITHUB_REPOSITORY", "acme/shop"), ("GITHUB_RUN_ID", "4242"), ("GITHUB_ACTOR", "octocat"));

        [Fact]
        public async Task Each_target_is_a_log_group()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Compile", Environment);

            var lines = outcome.Lines.ToList();
            var start = lines.IndexOf("::group::Compile");
            Assert.True(start >= 0, outcome.ToString());
            Assert.Equal("::endgroup::", lines[start + 1]);
        }

        [Fact]
        public async Task A_failure_is_an_error_annotation_on_one_line_inside_its_group()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Test", Environment);

            var lines = outcome.Lines.ToList();
            var group = lines.IndexOf("::group::Test");
            var error = lines.IndexOf("::error title=Target Test failed::2 tests failed%0Asee above: 100%25");
            var end = lines.FindIndex(group, l => l == "::endgroup::");
            Assert.True(group >= 0 && group < error && error < end, outcome.ToString());
        }

        [Fact]
        public async Task The_host_and_its_run_address_are_known_to_the_build()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile", Environment);

            Assert.Equal(new BuildHost(BuildHostKind.GitHubActions, "https://github.example.com/acme/shop/actions/runs/4242", "octocat"), build.SeenHost);
            Assert.True(build.SeenHost!.IsCi);
        }

        [Fact]
        public async Task The_commit_is_the_one_GitHub_names()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile", new Dictionary<string, string>(Environment) { ["GITHUB_SHA"] = "4f9c2a1b" });

            Assert.Equal("4f9c2a1b", build.SeenHost!.Commit);
        }

        [Fact]
        public async Task Without_the_variable_no_workflow_commands_are_written()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Test");

            Assert.DoesNotContain("::group::", outcome.Output);
            Assert.DoesNotContain("::error", outcome.Output);
            Assert.Contains("Test failed: 2 tests failed", outcome.Output);
        }
    }

    public class CodeBuild
    {
        [Fact]
        public async Task Is_detected_with_the_console_address_of_the_build()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile", InProcess.Environment(
                ("CODEBUILD_BUILD_ID", "shop-ci:8d0c6a2e-1f2b-4c3d-9e8f-0a1b2c3d4e5f"), ("AWS_REGION", "eu-west-1"),
                ("CODEBUILD_INITIATOR", "codepipeline/shop")));

            Assert.Equal(BuildHostKind.CodeBuild, build.SeenHost!.Kind);
            Assert.Equal("https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/projects/shop-ci/build/shop-ci%3A8d0c6a2e-1f2b-4c3d-9e8f-0a1b2c3d4e5f",
                build.SeenHost.RunUrl);
            Assert.Equal("codepipeline/shop", build.SeenHost.Actor);
            Assert.Null(build.SeenHost.Commit);
        }

        [Fact]
        public async Task The_commit_is_the_resolved_source_version()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile", InProcess.Environment(
                ("CODEBUILD_BUILD_ID", "shop-ci:1"), ("CODEBUILD_SOURCE_VERSION", "refs/heads/main"), ("CODEBUILD_RESOLVED_SOURCE_VERSION", "9e8d7c6b")));

            Assert.Equal("9e8d7c6b", build.SeenHost!.Commit);
            Assert.True(build.SeenHost.IsCi);
        }

        [Fact]
        public async Task Writes_no_GitHub_workflow_commands()
        {
            var outcome = await InProcess.RunAsync(new Build(), "Test", InProcess.Environment(("CODEBUILD_BUILD_ID", "shop-ci:1")));

            Assert.DoesNotContain("::", outcome.Output);
        }
    }

    public class Local
    {
        [Fact]
        public async Task Is_local_and_not_CI_whatever_the_test_process_environment_says()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile", InProcess.Environment(("USER", "dev")));

            Assert.Equal(new BuildHost(BuildHostKind.Local, null, "dev"), build.SeenHost);
            Assert.False(build.SeenHost!.IsCi);
        }

        [Fact]
        public async Task CI_true_marks_an_unknown_CI_service()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile", InProcess.Environment(("CI", "true")));

            Assert.Equal(BuildHostKind.Local, build.SeenHost!.Kind);
            Assert.True(build.SeenHost.IsCi);
        }
    }
}
