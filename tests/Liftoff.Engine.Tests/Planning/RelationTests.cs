using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Planning;

public class RelationTests
{
    public class DependentFor
    {
        private sealed class Build : TestBuild
        {
            public Target Restore => _ => _.DependentFor(Compile).Executes(Record());
            public Target Compile => _ => _.Executes(Record());
        }

        [Fact]
        public async Task Plans_the_target_before_the_one_it_is_dependent_for()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile");

            Assert.Equal(["Restore", "Compile"], build.Ran);
        }

        [Fact]
        public async Task Does_not_plan_the_other_target_when_only_this_one_is_named()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Restore");

            Assert.Equal(["Restore"], build.Ran);
        }
    }

    public class AfterAndBefore
    {
        private sealed class Build : TestBuild
        {
            public Target Report => _ => _.After(Test).Executes(Record());
            public Target Clean => _ => _.Before(Compile).Executes(Record());
            public Target Compile => _ => _.Executes(Record());
            public Target Test => _ => _.Executes(Record());
        }

        [Fact]
        public async Task After_orders_a_target_after_the_other_when_both_are_planned()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Report Test");

            Assert.Equal(["Test", "Report"], build.Ran);
        }

        [Fact]
        public async Task After_does_not_plan_the_other_target()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Report");

            Assert.Equal(["Report"], build.Ran);
        }

        [Fact]
        public async Task Before_orders_a_target_before_the_other_when_both_are_planned()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile Clean");

            Assert.Equal(["Clean", "Compile"], build.Ran);
        }

        [Fact]
        public async Task Before_does_not_plan_the_other_target()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Compile");

            Assert.Equal(["Compile"], build.Ran);
        }
    }

    public class Triggers
    {
        private sealed class Build : TestBuild
        {
            public Target Deploy => _ => _.Triggers(SmokeTest).Executes(Record());
            public Target SmokeTest => _ => _.Triggers(InvalidateCdn).Executes(Record());
            public Target InvalidateCdn => _ => _.Executes(Record());
            public Target Notify => _ => _.TriggeredBy(Deploy).Executes(Record());
            public Target Unrelated => _ => _.Executes(Record());
        }

        [Fact]
        public async Task A_triggered_target_runs_after_its_trigger_transitively()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Deploy");

            Assert.Equal(["Deploy", "SmokeTest", "InvalidateCdn", "Notify"], build.Ran);
        }

        [Fact]
        public async Task TriggeredBy_plans_the_target_whenever_its_trigger_is_planned()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Deploy --skip SmokeTest");

            Assert.Contains("Notify", build.Ran);
            Assert.True(build.Ran.IndexOf("Notify") > build.Ran.IndexOf("Deploy"));
        }

        [Fact]
        public async Task A_triggered_target_named_alone_does_not_plan_its_trigger()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "Notify");

            Assert.Equal(["Notify"], build.Ran);
        }

        [Fact]
        public async Task A_triggered_target_runs_after_its_trigger_even_when_named_first()
        {
            var build = new Build();

            await InProcess.RunAsync(build, "SmokeTest Deploy");

            Assert.Equal(["Deploy", "SmokeTest", "InvalidateCdn", "Notify"], build.Ran);
        }
    }
}
