using Liftoff.Engine.IO;
using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Parameters;

public enum Rollout
{
    AllAtOnce,
    Canary,
    Linear,
}

/// <summary>
/// Each source gives every parameter a value different from the source below it, so the value a target sees
/// names the source it came from: command line > LIFTOFF_X > NUKE_X > parameters.&lt;profile&gt;.json > parameters.json > default.
/// </summary>
public class PrecedenceTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Where to deploy")] public string Env { get; set; } = "default";
        [Parameter("Say more")] public bool Verbose { get; set; }
        [Parameter("Attempts")] public int Retries { get; set; } = 1;
        [Parameter("How code rolls out")] public Rollout Strategy { get; set; } = Rollout.AllAtOnce;
        [Parameter("Projects")] public string[] Project { get; set; } = [];
        [Parameter("Output folder")] public AbsolutePath Output { get; set; } = AbsolutePath.Create("/default-output");

        public Target Show => _ => _.Executes(() =>
            Ran.Add($"{Env}|{Verbose}|{Retries}|{Strategy}|{string.Join(",", Project)}|{Output}"));
    }

    public enum Source
    {
        CommandLine,
        PrefixedEnvironment,
        NukeEnvironment,
        ProfileFile,
        ParametersFile,
        Default,
    }

    /// <summary>Runs Show with every source from <paramref name="highest"/> downwards set.</summary>
    private static async Task<string> ResolveAsync(Source highest)
    {
        using var root = new TestRoot();
        var arguments = new List<string> { "Show" };
        var environment = new Dictionary<string, string>();
        bool Has(Source s) => s >= highest && s != Source.Default;

        if (Has(Source.ParametersFile))
            root.Write(".nuke/parameters.json",
                """{ "Env": "file", "Verbose": true, "Retries": 6, "Strategy": "canary", "Project": ["h", "i"], "Output": "out/file" }""");
        if (Has(Source.ProfileFile))
        {
            root.Write(".nuke/parameters.ci.json",
                """{ "env": "profile", "verbose": false, "retries": "5", "strategy": "Linear", "project": ["g"], "output": "out/profile" }""");
            arguments.Add("--profile ci");
        }
        if (Has(Source.NukeEnvironment))
        {
            environment["NUKE_ENV"] = "nuke"; environment["NUKE_VERBOSE"] = "true"; environment["NUKE_RETRIES"] = "4";
            environment["NUKE_STRATEGY"] = "canary"; environment["NUKE_PROJECT"] = "e f"; environment["NUKE_OUTPUT"] = "out/nuke";
        }
        if (Has(Source.PrefixedEnvironment))
        {
            environment["LIFTOFF_ENV"] = "prefixed"; environment["LIFTOFF_VERBOSE"] = "false"; environment["LIFTOFF_RETRIES"] = "3";
            environment["LIFTOFF_STRATEGY"] = "linear"; environment["LIFTOFF_PROJECT"] = "c,d"; environment["LIFTOFF_OUTPUT"] = "out/prefixed";
        }
        if (Has(Source.CommandLine))
            arguments.Add("--env cli --verbose --retries 2 --strategy all-at-once --project a b --output out/cli");

        var build = new Build();
        var outcome = await InProcess.RunAsync(build, string.Join(' ', arguments), environment, root);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return build.Ran.Single().Replace(root.Path, "<root>");
    }

    [Theory]
    [InlineData(Source.CommandLine, "cli|True|2|AllAtOnce|a,b|<root>/out/cli")]
    [InlineData(Source.PrefixedEnvironment, "prefixed|False|3|Linear|c,d|<root>/out/prefixed")]
    [InlineData(Source.NukeEnvironment, "nuke|True|4|Canary|e,f|<root>/out/nuke")]
    [InlineData(Source.ProfileFile, "profile|False|5|Linear|g|<root>/out/profile")]
    [InlineData(Source.ParametersFile, "file|True|6|Canary|h,i|<root>/out/file")]
    [InlineData(Source.Default, "default|False|1|AllAtOnce||/default-output")]
    public async Task The_highest_source_that_gives_a_value_wins(Source highest, string expected)
    {
        Assert.Equal(expected, await ResolveAsync(highest));
    }

    [Fact]
    public async Task An_empty_environment_variable_gives_no_value()
    {
        var build = new Build();

        await InProcess.RunAsync(build, "Show", InProcess.Environment(("LIFTOFF_ENV", ""), ("NUKE_ENV", "nuke")));

        Assert.StartsWith("nuke|", build.Ran.Single());
    }

    [Fact]
    public async Task A_null_in_a_parameters_file_gives_no_value()
    {
        using var root = new TestRoot()
            .Write(".nuke/parameters.json", """{ "Env": "file", "Retries": null }""")
            .Write(".nuke/parameters.ci.json", """{ "Env": null }""");
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Show --profile ci", root: root);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("file|False|1|", build.Ran.Single());
    }

    [Fact]
    public async Task Help_shows_where_each_value_came_from()
    {
        using var root = new TestRoot().Write(".nuke/parameters.json", """{ "Retries": 6 }""");

        var outcome = await InProcess.RunAsync(new Build(), "--help --env cli", InProcess.Environment(("NUKE_VERBOSE", "yes")), root);

        Assert.Contains(outcome.Lines, l => l.Contains("--env") && l.Contains("= cli (the command line)"));
        Assert.Contains(outcome.Lines, l => l.Contains("--verbose") && l.Contains("= True (the environment variable NUKE_VERBOSE)"));
        Assert.Contains(outcome.Lines, l => l.Contains("--retries") && l.Contains("= 6 (.nuke/parameters.json)"));
        Assert.Contains(outcome.Lines, l => l.Contains("--strategy") && l.Contains("= AllAtOnce"));
    }

    [Theory]
    [InlineData("ENV", "local")]
    [InlineData("VERBOSE", "true")]
    [InlineData("PROJECT", "x")]
    [InlineData("RETRIES", "9")]
    public async Task A_bare_environment_name_gives_no_value(string variable, string value)
    {
        var build = new Build();

        var outcome = await InProcess.RunAsync(build, "Show", InProcess.Environment((variable, value)));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("default|False|1|AllAtOnce||/default-output", build.Ran.Single());
    }
}
