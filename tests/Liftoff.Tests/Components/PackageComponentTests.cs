using System.Text.Json;
using Liftoff.Components;
using Liftoff.Engine;
using Liftoff.Tests.Configuration;

using Liftoff.Tests.Support;

namespace Liftoff.Tests.Components;

/// <summary>The Package target, run in-process as ./build.sh would run it, on a small repository.</summary>
public sealed class PackageComponentTests : IDisposable
{
    private readonly TempRepository _repository = ValidRepository.Create().Folder(".nuke");

    public void Dispose() => _repository.Dispose();

    private Task<(int ExitCode, string Output)> RunAsync(string commandLine) =>
        ComponentRun.RunAsync<PackageBuild>(_repository.Root, commandLine);

    [Fact]
    public async Task Package_makes_each_artifact_then_says_up_to_date_and_force_makes_it_again()
    {
        var first = await RunAsync("Package");
        var second = await RunAsync("Package");
        var forced = await RunAsync("Package --force");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"artifacts/shop/api\.zip\s+\S+ B\s+1\s+[0-9a-f]{12}\s+packaged", first.Output);
        Assert.Matches(@"artifacts/shop/api\.zip\s+\S+ B\s+1\s+[0-9a-f]{12}\s+up to date", second.Output);
        Assert.Matches(@"artifacts/shop/api\.zip\s+\S+ B\s+1\s+[0-9a-f]{12}\s+packaged", forced.Output);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_repository.Root, "artifacts", "manifest.json")));
        var artifact = manifest.RootElement.GetProperty("artifacts").EnumerateArray().Single();
        Assert.Equal("index.handler", artifact.GetProperty("handler").GetString());
        Assert.Contains(artifact.GetProperty("sha256Hex").GetString()![..12], second.Output);
    }

    [Fact]
    public async Task A_handler_that_throws_on_import_fails_Package_with_nodes_error()
    {
        _repository.Write("projects/shop/api/index.js", "throw new Error('DATABASE_URL is missing');\n");

        var run = await RunAsync("Package");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Error: DATABASE_URL is missing", run.Output);
        Assert.False(File.Exists(Path.Combine(_repository.Root, "artifacts", "shop", "api.zip")));
    }

    [Fact]
    public async Task Package_of_one_project_shows_another_projects_errors_as_warnings_and_succeeds()
    {
        _repository.Write("projects/other/project.yaml", ValidRepository.Project.Replace("source: api", "source: nowhere"))
            .Write("projects/other/template.yaml", ValidRepository.Template);

        var selected = await RunAsync("Package --project shop");
        var all = await RunAsync("Package");

        Assert.True(selected.ExitCode == 0, selected.Output);
        // Spectre wraps long lines at the console's width.
        var output = System.Text.RegularExpressions.Regex.Replace(selected.Output, @"\s+", " ");
        Assert.Contains("warning: projects/other/project.yaml:6:13: 'functions.api.source': folder 'projects/other/nowhere' does not exist " +
                        "[project 'other' is not in --project: not blocking]", output);
        Assert.Matches(@"artifacts/shop/api\.zip\s+\S+ B\s+1\s+[0-9a-f]{12}\s+(packaged|up to date)", selected.Output);
        Assert.NotEqual(0, all.ExitCode);
        Assert.Contains("projects/other/project.yaml:6:13", all.Output);
    }

    [Fact]
    public async Task A_handler_that_reads_the_templates_variables_at_import_loads_as_it_would_in_Lambda()
    {
        // AWS's own samples read the table's name when the module loads; the check must give the function its variables.
        _repository.Write("projects/orders/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: { Type: String, Default: dev }
                Globals:
                  Function:
                    Runtime: python3.12
                    Environment: { Variables: { LOG_LEVEL: INFO } }
                Resources:
                  Orders:
                    Type: AWS::Serverless::SimpleTable
                  OrdersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/
                      Handler: app.handler
                      Environment:
                        Variables:
                          TABLE_NAME: !Ref Orders
                          STAGE: !Ref Stage
                """)
            .Write("projects/orders/src/app.py", """
                import os
                TABLE = os.environ['TABLE_NAME']
                assert (os.environ['STAGE'], os.environ['LOG_LEVEL']) == ('dev', 'INFO'), dict(os.environ)
                def handler(event, context):
                    return {'table': TABLE}
                """);

        var run = await RunAsync("Package --project orders");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"artifacts/orders/orders\.zip\s+\S+ B\s+1\s+[0-9a-f]{12}\s+packaged", run.Output);
    }

    private sealed class PackageBuild : LiftoffBuild, IPackage;
}
