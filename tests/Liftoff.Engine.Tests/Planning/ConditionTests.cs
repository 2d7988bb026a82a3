using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Planning;

public class ConditionTests
{
    public class OnlyWhenStatic
    {
        private sealed class Build : TestBuild
        {
            public bool Enabled { get; set; }
            public int Evaluations { get; private set; }
            public Target Compile => _ => _.Executes(Record());
            public Target Publish => _ => _.DependsOn(Compile).OnlyWhenStatic(() => { Evaluations++; return Enabled; }).Executes(Record());
            public Target Announce => _ => _.DependsOn(Publish).Executes(Record());
        }

        [Fact]
        public async Task False_skips_the_target_alone_and_its_dependencies_and_dependents_still_run()
        {
            var build = new Build { Enabled = false };

            var outcome = await InProcess.RunAsync(build, "Announce");

            Assert.Equal(0, outcome.ExitCode);
            Assert.Equal(["Compile", "Announce"], build.Ran);
            Assert.StartsWith("Skipped", outcome.StatusOf("Publish"));
        }

        [Fact]
        public async Task True_runs_the_target()
        {
            var build = new Build { Enabled = true };

            await InProcess.RunAsync(build, "Announce");

            Assert.Equal(["Compile", "Publish", "Announce"], build.Ran);
        }

        [Fact]
        public async Task Is_evaluated_when_the_plan_is_made_so_plan_shows_the_skip()
        {
            var build = new Build { Enabled = false };

            var outcome = await InProcess.RunAsync(build, "Announce --plan");

            Assert.Contains("2. Publish (skipped)", outcome.Output);
            Assert.Equal(1, build.Evaluations);
            Assert.Empty(build.Ran);
        }
    }

    public class OnlyWhenDynamic
    {
        private sealed class Build : TestBuild
        {
            public bool Changed { get; set; }
            public Target Detect => _ => _.Executes(() => { Record()(); Changed = true; });
            public Target Deploy => _ => _.DependsOn(Detect).OnlyWhenDynamic(() => Changed).Executes(Record());
            public Target Verify => _ => _.DependsOn(Deploy).Executes(Record());
            public Target Cleanup => _ => _.OnlyWhenDynamic(() => Changed).Executes(Record());
        }

        [Fact]
        public async Task Is_evaluated_just_before_the_target_runs_so_it_sees_what_earlier_targets_did()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "Verify");

            Assert.Equal(0, outcome.ExitCode);
            Assert.Equal(["Detect", "Deploy", "Verify"], build.Ran);
        }

        [Fact]
        public async Task False_skips_the_target_and_its_dependents_still_run()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "Cleanup Verify --skip Detect");

            Assert.Equal(0, outcome.ExitCode);
            Assert.Equal(["Verify"], build.Ran);
            Assert.Equal("Skipped (condition false)", outcome.StatusOf("Deploy"));
            Assert.Equal("Skipped (condition false)", outcome.StatusOf("Cleanup"));
        }
    }

    public class Throwing
    {
        private sealed class Build : TestBuild
        {
            public Target Check => _ => _.OnlyWhenDynamic(() => throw new InvalidOperationException("cannot tell")).Executes(Record());
            public Target After => _ => _.DependsOn(Check).Executes(Record());
        }

        [Fact]
        public async Task A_dynamic_condition_that_throws_fails_its_target_with_the_message()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "After");

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("cannot tell", outcome.Output);
            Assert.Equal("Failed", outcome.StatusOf("Check"));
            Assert.StartsWith("NotRun", outcome.StatusOf("After"));
            Assert.Empty(build.Ran);
        }

        private sealed class StaticThrows : TestBuild
        {
            public Target Compile => _ => _.Executes(Record());
            public Target Publish => _ => _.DependsOn(Compile).OnlyWhenStatic(() => throw new IOException("config unreadable")).Executes(Record());
        }

        [Fact]
        public async Task A_static_condition_that_throws_fails_the_build_before_anything_runs()
        {
            var build = new StaticThrows();

            var outcome = await InProcess.RunAsync(build, "Publish");

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("Target Publish: its OnlyWhenStatic condition threw: config unreadable", outcome.Output);
            Assert.Empty(build.Ran);
        }

        private sealed class RequirementThrows : TestBuild
        {
            public Target Publish => _ => _.Requires(() => File.ReadAllText("/nonexistent/approval") == "yes").Executes(Record());
        }

        [Fact]
        public async Task A_requirement_that_throws_fails_the_build_naming_the_target()
        {
            var build = new RequirementThrows();

            var outcome = await InProcess.RunAsync(build, "Publish");

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("Target Publish cannot run:", outcome.Output);
            Assert.Empty(build.Ran);
        }
    }
}
