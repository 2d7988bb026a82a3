using Liftoff.Configuration.Schema;

namespace Liftoff.Tests.Configuration;

public sealed class SchemaTests
{
    [Fact]
    public async Task Checked_in_schemas_match_the_model()
    {
        if (Environment.GetEnvironmentVariable("LIFTOFF_UPDATE_SCHEMAS") == "1")
            await SchemaGenerator.WriteAsync(RepositoryFolders.Root, CancellationToken.None);

        var stale = await SchemaGenerator.FindStaleAsync(RepositoryFolders.Root, CancellationToken.None);

        Assert.True(stale.Count == 0,
            $"Stale: {string.Join(", ", stale)}. The configuration model changed; regenerate with " +
            "LIFTOFF_UPDATE_SCHEMAS=1 dotnet test tests/Liftoff.Tests --filter FullyQualifiedName~SchemaTests " +
            "(or call SchemaGenerator.WriteAsync(root)) and commit the result.");
    }

    [Fact]
    public void Project_schema_leaves_build_inputs_out_of_environment_overrides()
    {
        var schema = System.Text.Json.JsonDocument.Parse(SchemaGenerator.Generate()["schemas/project.schema.json"]).RootElement;
        var definitions = schema.GetProperty("definitions");

        var function = definitions.GetProperty("Function").GetProperty("properties");
        var functionOverride = definitions.GetProperty("FunctionOverride").GetProperty("properties");
        Assert.True(function.TryGetProperty("runtime", out _));
        Assert.False(functionOverride.TryGetProperty("runtime", out _));
        Assert.True(functionOverride.TryGetProperty("memorySize", out _));
        // Which runtimes AWS accepts changes with its lifecycle (cfn-lint's data, read at load time); the schema gives the shape.
        Assert.Equal(Liftoff.Configuration.Model.FunctionDefinition.RuntimePattern, function.GetProperty("runtime").GetProperty("pattern").GetString());
        Assert.False(definitions.GetProperty("ProjectOverride").GetProperty("properties").TryGetProperty("environments", out _));
    }
}
