using System.Text.Json;
using Liftoff.Engine.Internal.Cli;
using Liftoff.Engine.Internal.Parameters;
using Liftoff.Engine.Internal.Planning;
using Liftoff.Engine.Tests.Parameters;
using Liftoff.Engine.Tests.Support;

namespace Liftoff.Engine.Tests.Cli;

public class SchemaTests
{
    private sealed class Build : TestBuild
    {
        [Parameter("Where to deploy")] public string? Env { get; set; }
        [Parameter("Say more")] public bool Verbose { get; set; }
        [Parameter("Attempts")] public int Retries { get; set; }
        [Parameter("How code rolls out")] public Rollout Strategy { get; set; }
        [Parameter("Projects")] public string[] Project { get; set; } = [];
        [Parameter("Output folder")] public AbsolutePath Output { get; set; }

        public Target Compile => _ => _.Executes(Record());
        public Target Deploy => _ => _.DependsOn(Compile).Executes(Record());
        public Target Hidden => _ => _.Unlisted().Executes(Record());
    }

    private static JsonElement Generate()
    {
        var build = new Build();
        var text = SchemaWriter.Generate(TargetGraph.Discover(build), ParameterDiscovery.Discover(build.GetType()));
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public void Describes_each_parameter_with_its_JSON_type()
    {
        var properties = Generate().GetProperty("properties");

        Assert.Equal("string", properties.GetProperty("Env").GetProperty("type").GetString());
        Assert.Equal("Where to deploy", properties.GetProperty("Env").GetProperty("description").GetString());
        Assert.Equal("boolean", properties.GetProperty("Verbose").GetProperty("type").GetString());
        Assert.Equal("integer", properties.GetProperty("Retries").GetProperty("type").GetString());
        Assert.Equal("array", properties.GetProperty("Project").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("Project").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("Output").GetProperty("type").GetString());
    }

    [Fact]
    public void Lists_the_allowed_values_of_an_enum()
    {
        var strategy = Generate().GetProperty("properties").GetProperty("Strategy");

        Assert.Equal(["all-at-once", "canary", "linear"], strategy.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Lists_the_listed_targets_for_Target_and_Skip()
    {
        var properties = Generate().GetProperty("properties");

        foreach (var name in new[] { "Target", "Skip" })
            Assert.Equal(["Compile", "Deploy"],
                properties.GetProperty(name).GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Allows_the_schema_reference_that_parameters_json_carries()
    {
        Assert.Equal("string", Generate().GetProperty("properties").GetProperty("$schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_run_on_a_developer_machine_refreshes_a_stale_schema()
    {
        using var root = new TestRoot().Write(".nuke/build.schema.json", "{}");

        await InProcess.RunAsync(new Build(), "Compile", root: root);

        Assert.Equal(JsonSerializer.Serialize(Generate()), JsonSerializer.Serialize(JsonDocument.Parse(root.Read(".nuke/build.schema.json")).RootElement));
    }

    [Fact]
    public async Task Help_refreshes_a_stale_schema()
    {
        using var root = new TestRoot().Write(".nuke/build.schema.json", "{}");

        await InProcess.RunAsync(new Build(), "--help", root: root);

        Assert.Contains("\"Strategy\"", root.Read(".nuke/build.schema.json"));
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS")]
    [InlineData("CI")]
    public async Task A_run_in_CI_leaves_the_schema_alone(string variable)
    {
        using var root = new TestRoot().Write(".nuke/build.schema.json", "{}");

        await InProcess.RunAsync(new Build(), "Compile", InProcess.Environment((variable, "true")), root);

        Assert.Equal("{}", root.Read(".nuke/build.schema.json"));
    }

    [Fact]
    public async Task A_root_without_a_nuke_folder_gets_none()
    {
        using var root = new TestRoot();

        await InProcess.RunAsync(new Build(), "Compile", root: root);

        Assert.False(Directory.Exists(Path.Combine(root.Path, ".nuke")));
    }
}
