using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Components;

public interface IRecording : ILiftoffBuild
{
    List<string> Ran { get; }
}

public interface IHazStage : IRecording
{
    [Parameter("The stage to act on")]
    string? Stage => TryGetValue(() => Stage);

    [Parameter("How many copies")]
    int Copies => TryGetValue(() => Copies);
}

public interface ICompile : IRecording
{
    Target Compile => _ => _.Description("Compiles").Executes(() => Ran.Add("Compile"));
}

public interface IPackage : ICompile, IHazStage
{
    Target Package => _ => _.Description("Packages")
        .DependsOn(Compile)
        .Requires(() => Stage)
        .Executes(() => Ran.Add($"Package {Stage} x{Copies}"));
}

public interface IPublish : IRecording
{
    // Refers to a stage it does not derive from, as NUKE components may: DependsOn<T>.
    Target Publish => _ => _.DependsOn<IPackage>(x => x.Package).Executes(() => Ran.Add("Publish"));
}

public class ComponentTests
{
    private sealed class Composed : TestBuild, IPackage, IPublish;

    private sealed class Overriding : TestBuild, IPackage
    {
        // The class's own Compile replaces the component's, also where IPackage refers to it.
        public Target Compile => _ => _.Executes(() => Ran.Add("Compile (own)"));
    }

    private sealed class ExplicitlyOverriding : TestBuild, IPackage
    {
        Target ICompile.Compile => _ => _.Executes(() => Ran.Add("Compile (explicit)"));
    }

    private sealed class NotComposed : TestBuild
    {
        public Target Publish => _ => _.DependsOn<IPackage>(x => x.Package).Executes(Record());
    }

    [Fact]
    public async Task Targets_declared_in_interfaces_are_found_and_run_with_their_dependencies()
    {
        var build = new Composed();

        var outcome = await InProcess.RunAsync(build, "Publish --stage dev");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["Compile", "Package dev x0", "Publish"], build.Ran);
    }

    [Fact]
    public async Task Parameters_declared_in_interfaces_take_values_from_every_source()
    {
        var build = new Composed();

        await InProcess.RunAsync(build, "Package --copies 3", InProcess.Environment(("LIFTOFF_STAGE", "prod")));

        Assert.Equal(["Compile", "Package prod x3"], build.Ran);
    }

    [Fact]
    public async Task A_requirement_on_an_interface_parameter_is_checked()
    {
        var build = new Composed();

        var outcome = await InProcess.RunAsync(build, "Package");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--stage", outcome.Output);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task Interface_targets_and_parameters_appear_in_help()
    {
        var outcome = await InProcess.RunAsync(new Composed(), "--help");

        Assert.Contains(outcome.Lines, l => l.Contains("Compile") && l.Contains("Compiles"));
        Assert.Contains(outcome.Lines, l => l.Contains("Package") && l.Contains("Packages"));
        Assert.Contains(outcome.Lines, l => l.Contains("--stage") && l.Contains("The stage to act on"));
    }

    [Fact]
    public async Task A_class_target_overrides_the_interface_target_of_the_same_name()
    {
        var build = new Overriding();

        await InProcess.RunAsync(build, "Package --stage dev");

        Assert.Equal(["Compile (own)", "Package dev x0"], build.Ran);
    }

    [Fact]
    public async Task An_explicit_interface_implementation_overrides_the_default()
    {
        var build = new ExplicitlyOverriding();

        await InProcess.RunAsync(build, "Package --stage dev");

        Assert.Equal(["Compile (explicit)", "Package dev x0"], build.Ran);
    }

    [Fact]
    public async Task An_overridden_target_is_listed_once()
    {
        var outcome = await InProcess.RunAsync(new Overriding(), "Package --stage dev --plan");

        Assert.Single(outcome.Lines, l => l.Trim() == "1. Compile");
        Assert.DoesNotContain(outcome.Lines, l => l.Trim() == "3. Compile");
    }

    [Fact]
    public async Task Depending_on_a_component_the_build_does_not_implement_is_a_clear_error()
    {
        var outcome = await InProcess.RunAsync(new NotComposed(), "Publish");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("The definition of target Publish failed: it refers to IPackage, which the build does not implement", outcome.Output);
    }

    private sealed class Foreign : TestBuild
    {
        private static readonly Composed Other = new();
        public Target Publish => _ => _.DependsOn(((ICompile)Other).Compile).Executes(Record());
    }

    [Fact]
    public async Task Depending_on_a_target_of_another_build_is_a_clear_error()
    {
        var outcome = await InProcess.RunAsync(new Foreign(), "Publish");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Target Publish refers to a target that is not part of the build", outcome.Output);
    }
}
