using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Cli;

/// <summary>`./build.sh :complete "&lt;line&gt;"` prints the completions of the last word, as NUKE's :complete does.</summary>
public class CompletionTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("NuGet key")] public string? NuGetApiKey { get; set; }
        [Parameter("Strategy")] public Parameters.Rollout Strategy { get; set; }

        public Target Compile => _ => _.Executes(Record());
        public Target Clean => _ => _.Executes(Record());
        public Target Deploy => _ => _.Executes(Record());
        public Target Hidden => _ => _.Unlisted().Executes(Record());
    }

    private static async Task<string[]> CompleteAsync(string line)
    {
        var writer = new StringWriter();
        var exitCode = await new Build().RunAsync(
            new BuildInvocation([":complete", line], new Dictionary<string, string>(), writer, false, Path.GetTempPath()), [], CancellationToken.None);
        Assert.Equal(0, exitCode);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Theory]
    [InlineData("./build.sh C", new[] { "Compile", "Clean" })]
    [InlineData("./build.sh d", new[] { "Deploy" })]
    [InlineData("./build.sh Compile --nu", new[] { "--nuget-api-key" })]
    [InlineData("./build.sh Compile --strategy ", new[] { "all-at-once", "canary", "linear", "--nuget-api-key" })]
    [InlineData("./build.sh Deploy --skip C", new[] { "Compile", "Clean" })]
    [InlineData("./build.sh --verbosity m", new[] { "minimal" })]
    public async Task Completes_targets_parameters_and_values(string line, string[] expected)
    {
        var items = await CompleteAsync(line);

        Assert.All(expected, e => Assert.Contains(e, items));
        Assert.DoesNotContain("Hidden", items);
    }
}
