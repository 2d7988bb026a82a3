using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Planning;

public class OrderingTests
{
    private sealed class Pipeline : TestBuild
    {
        public Target Compile => _ => _.Executes(Record());
        public Target Test => _ => _.DependsOn(Compile).Executes(Record());
        public Target Package => _ => _.DependsOn(Compile).Executes(Record());
        public Target Upload => _ => _.DependsOn(Package).Executes(Record());
        public Target Lint => _ => _.Executes(Record());
        public Target Docs => _ => _.Executes(Record());
        public Target All => _ => _.DependsOn(Docs, Lint, Upload);
    }

    [Fact]
    public async Task Dependencies_run_before_the_target_that_needs_them()
    {
        var build = new Pipeline();

        var outcome = await InProcess.RunAsync(build, "Upload");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Package", "Upload"], build.Ran);
    }

    [Fact]
    public async Task Independent_targets_run_in_declaration_order_not_in_the_order_they_are_listed_as_dependencies()
    {
        var build = new Pipeline();

        await InProcess.RunAsync(build, "All");

        // All lists Docs, Lint, Upload; declaration order is Compile, Package, Upload, Lint, Docs.
        Assert.Equal(["Compile", "Package", "Upload", "Lint", "Docs"], build.Ran);
    }

    [Fact]
    public async Task The_same_plan_runs_in_the_same_order_every_time()
    {
        var orders = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var build = new Pipeline();
            await InProcess.RunAsync(build, "All");
            orders.Add(string.Join(",", build.Ran));
        }

        Assert.Single(orders.Distinct());
    }

    [Fact]
    public async Task Targets_named_together_run_in_the_order_they_were_named()
    {
        var build = new Pipeline();

        await InProcess.RunAsync(build, "Package Test");

        Assert.Equal(["Compile", "Package", "Test"], build.Ran);
    }

    [Fact]
    public async Task Test_then_Package_runs_Test_before_Package_with_Compile_once()
    {
        var build = new Pipeline();

        await InProcess.RunAsync(build, "Test Package");

        Assert.Equal(["Compile", "Test", "Package"], build.Ran);
    }

    [Fact]
    public async Task A_target_named_twice_runs_once()
    {
        var build = new Pipeline();

        await InProcess.RunAsync(build, "Compile Test Compile");

        Assert.Equal(["Compile", "Test"], build.Ran);
    }

    [Fact]
    public async Task Target_names_on_the_command_line_ignore_case()
    {
        var build = new Pipeline();

        var outcome = await InProcess.RunAsync(build, "package");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Package"], build.Ran);
    }

    [Fact]
    public async Task The_default_target_runs_when_none_is_named()
    {
        var build = new Pipeline();

        await InProcess.RunAsync(build, "", defaultTargets: [build.Test]);

        Assert.Equal(["Compile", "Test"], build.Ran);
    }

    [Fact]
    public async Task Targets_given_with_the_target_option_run_like_named_ones()
    {
        var build = new Pipeline();

        await InProcess.RunAsync(build, "--target Test");

        Assert.Equal(["Compile", "Test"], build.Ran);
    }

    [Fact]
    public async Task No_target_and_no_default_is_a_usage_error()
    {
        var outcome = await InProcess.RunAsync(new Pipeline(), "");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("No target was named", outcome.Output);
    }
}
