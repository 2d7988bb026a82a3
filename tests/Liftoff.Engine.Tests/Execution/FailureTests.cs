using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Execution;

public class FailureTests
{
    public class Propagation
    {
        private sealed class Build : TestBuild
        {
            public Target Compile => _ => _.Executes(Fail("compiler said no"));
            public Target Test => _ => _.DependsOn(Compile).Executes(Record());
            public Target Package => _ => _.DependsOn(Test).Executes(Record());
            public Target Lint => _ => _.Executes(Record());
            public Target All => _ => _.DependsOn(Package, Lint);
        }

        [Fact]
        public async Task A_failed_target_stops_the_build_and_exits_1()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "All");

            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal(["Compile"], build.Ran);
        }

        [Fact]
        public async Task Targets_that_depend_on_the_failed_one_are_NotRun_and_say_why()
        {
            var outcome = await InProcess.RunAsync(new Build(), "All");

            Assert.Equal("Failed", outcome.StatusOf("Compile"));
            Assert.Equal("NotRun (Compile did not succeed)", outcome.StatusOf("Test"));
            Assert.Equal("NotRun (Test did not succeed)", outcome.StatusOf("Package"));
        }

        [Fact]
        public async Task Independent_targets_after_a_failure_are_NotRun()
        {
            var outcome = await InProcess.RunAsync(new Build(), "All");

            Assert.Equal("NotRun (an earlier target failed)", outcome.StatusOf("Lint"));
        }

        [Fact]
        public async Task The_failure_message_is_printed_and_the_build_names_the_failed_target()
        {
            var outcome = await InProcess.RunAsync(new Build(), "All");

            Assert.Contains("Compile failed: compiler said no", outcome.Output);
            Assert.Contains("Build failed: Compile", outcome.Output);
        }

        [Fact]
        public async Task Wrapped_exceptions_show_their_inner_messages()
        {
            var build = new Wrapping();

            var outcome = await InProcess.RunAsync(build, "Upload");

            Assert.Contains("upload failed", outcome.Output);
            Assert.Contains("connection refused", outcome.Output);
        }

        [Fact]
        public async Task Trace_prints_the_stack_trace()
        {
            var outcome = await InProcess.RunAsync(new Wrapping(), "Upload --trace");

            Assert.Contains("   at ", outcome.Output);
        }

        [Fact]
        public async Task Without_trace_no_stack_trace_is_printed()
        {
            var outcome = await InProcess.RunAsync(new Wrapping(), "Upload");

            Assert.DoesNotContain("   at ", outcome.Output);
        }

        [Fact]
        public async Task A_wrapped_exception_without_a_message_of_its_own_adds_no_dotnet_wording()
        {
            // The AWS SDK wraps an HTTP error in HttpErrorResponseException, which has no message: .NET makes one up.
            var outcome = await InProcess.RunAsync(new Wrapping(), "Answer");

            Assert.Contains("Answer failed: Access denied for s3:PutObject", outcome.Output);
            Assert.DoesNotContain("Exception of type", outcome.Output);
            Assert.DoesNotContain(nameof(HttpErrorResponse), outcome.Output);
        }

        private sealed class Wrapping : TestBuild
        {
            public Target Upload => _ => _.Executes(() =>
                throw new InvalidOperationException("upload failed", new IOException("connection refused")));

            public Target Answer => _ => _.Executes(() =>
                throw new InvalidOperationException("Access denied for s3:PutObject", new HttpErrorResponse()));
        }

        private sealed class HttpErrorResponse : Exception;
    }

    public class ProceedAfterFailure
    {
        private sealed class Build : TestBuild
        {
            public Target Lint => _ => _.ProceedAfterFailure().Executes(Fail("style"));
            public Target Fix => _ => _.DependsOn(Lint).Executes(Record());
            public Target Compile => _ => _.Executes(Record());
            public Target Test => _ => _.DependsOn(Compile).Executes(Record());
            public Target All => _ => _.DependsOn(Lint, Fix, Test);
        }

        [Fact]
        public async Task Targets_that_do_not_depend_on_the_failed_one_still_run()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "All");

            Assert.Equal(["Lint", "Compile", "Test"], build.Ran);
            Assert.Equal("NotRun (Lint did not succeed)", outcome.StatusOf("Fix"));
        }

        [Fact]
        public async Task The_build_still_fails()
        {
            var outcome = await InProcess.RunAsync(new Build(), "All");

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains("Build failed: Lint", outcome.Output);
        }
    }

    public class AssuredAfterFailure
    {
        private sealed class Build : TestBuild
        {
            public Target Start => _ => _.Executes(Record());
            public Target Deploy => _ => _.DependsOn(Start).Executes(Fail("stack failed"));
            public Target Verify => _ => _.DependsOn(Deploy).Executes(Record());
            public Target Report => _ => _.After(Deploy).AssuredAfterFailure().Executes(Record());
            public Target StopServer => _ => _.DependsOn(Deploy).AssuredAfterFailure().Executes(Record());
        }

        [Fact]
        public async Task An_assured_target_runs_after_a_failure()
        {
            var build = new Build();

            var outcome = await InProcess.RunAsync(build, "Verify Report");

            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal(["Start", "Deploy", "Report"], build.Ran);
            Assert.Equal("Succeeded", outcome.StatusOf("Report"));
            Assert.StartsWith("NotRun", outcome.StatusOf("Verify"));
        }

        [Fact]
        public async Task An_assured_target_runs_even_when_its_own_dependency_failed()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "StopServer");

            Assert.Equal(["Start", "Deploy", "StopServer"], build.Ran);
        }
    }
}
