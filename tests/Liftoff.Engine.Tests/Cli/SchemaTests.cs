using Liftoff.Engine.IO;
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
        [Parameter("Output folder")] public AbsolutePath? Output { get; set; }
        [Parameter("Registry token"), Secret] public string? Token { get; set; }

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
    public void A_secret_parameter_says_it_is_never_written_into_the_file()
    {
        var token = Generate().GetProperty("properties").GetProperty("Token");

        Assert.Equal("string", token.GetProperty("type").GetString());
        Assert.Contains("Secrets", token.GetProperty("default").GetString());
    }

    [Fact]
    public void Defines_the_listed_targets_once_and_Target_and_Skip_refer_to_them()
    {
        var schema = Generate();
        var engine = schema.GetProperty("definitions").GetProperty("NukeBuild").GetProperty("properties");

        Assert.Equal(["Compile", "Deploy"],
            schema.GetProperty("definitions").GetProperty("ExecutableTarget").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        foreach (var name in new[] { "Target", "Skip" })
            Assert.Equal("#/definitions/ExecutableTarget", engine.GetProperty(name).GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public void Has_NUKEs_shape_definitions_for_the_engine_and_allOf_referring_to_them()
    {
        var schema = Generate();

        Assert.Equal("http://json-schema.org/draft-04/schema#", schema.GetProperty("$schema").GetString());
        Assert.Equal("#/definitions/NukeBuild", schema.GetProperty("allOf")[0].GetProperty("$ref").GetString());
        var definitions = schema.GetProperty("definitions");
        Assert.Equal(["CodeBuild", "GitHubActions", "Terminal"], definitions.GetProperty("Host").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Verbose", "Normal", "Minimal", "Quiet"], definitions.GetProperty("Verbosity").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var engine = definitions.GetProperty("NukeBuild").GetProperty("properties");
        foreach (var option in new[] { "Continue", "Help", "Host", "NoLogo", "Partition", "Plan", "Profile", "Root", "Skip", "Target", "Verbosity" })
            Assert.True(engine.TryGetProperty(option, out _), $"{option} is missing from definitions.NukeBuild");
    }

    /// <summary>NUKE's completion reads every property's type, or follows its $ref: none may lack both.</summary>
    [Fact]
    public void Every_property_has_a_type_or_a_reference_as_NUKEs_completion_reads_them()
    {
        var schema = Generate();
        var properties = schema.GetProperty("properties").EnumerateObject()
            .Concat(schema.GetProperty("definitions").GetProperty("NukeBuild").GetProperty("properties").EnumerateObject());

        foreach (var property in properties)
            Assert.True(property.Value.TryGetProperty("type", out _) || property.Value.TryGetProperty("$ref", out _), property.Name);
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
