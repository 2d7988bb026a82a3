using System.Text.Json;
using Liftoff.Releases;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Invoking;

/// <summary>
/// The samples deployed to a local AWS (moto) once: their smoke checks pass through HTTP routing, and Invoke runs each
/// function's released zip on this machine, reaching the local DynamoDB from inside the handler.
/// </summary>
public sealed class SampleInvocationTests(DeployedSamples samples) : IClassFixture<DeployedSamples>
{
    private readonly AwsCli _aws = new(samples.Moto);

    /// <summary>`./build.sh Invoke … --json`: one JSON object on stdout, the build's own output on stderr.</summary>
    private async Task<JsonElement> InvokeJsonAsync(string project, string function, object @event)
    {
        var (exitCode, stdout, stderr) = await ComponentRun.RunSplitAsync<DeployedSamples.SampleBuild>(samples.Root,
            "Invoke", "--env", "local", "--project", project, "--function", function, "--event-json", JsonSerializer.Serialize(@event), "--json");
        Assert.True(exitCode == 0, stderr + stdout);
        Assert.Contains("Invoke", stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static JsonElement Body(JsonElement invocation) =>
        JsonDocument.Parse(invocation.GetProperty("result").GetProperty("body").GetString()!).RootElement.Clone();

    [Fact]
    public async Task Deploy_smoke_tests_every_sample_through_http_routing_and_records_the_results_in_each_release()
    {
        Assert.True(samples.DeployExitCode == 0, samples.DeployOutput);
        using var s3 = MotoS3.Client(samples.Moto);
        foreach (var project in new[] { "fraud-or-not", "media-register", "people-cards" })
        {
            var environment = await samples.ProjectAsync(project);
            var live = await new ReleaseLedger(s3, environment.ArtifactBucket).LastSuccessfulAsync(project, "local", CancellationToken.None);
            Assert.True(live?.SmokeTest?.Passed, $"{project}: {JsonSerializer.Serialize(live?.SmokeTest)}\n{samples.DeployOutput}");
            Assert.Equal(environment.SmokeChecks.Select(c => c.Name), live!.SmokeTest!.Checks.Select(c => c.Name));
            Assert.Contains($"{project} in local, release {live.Id}", samples.DeployOutput);
            foreach (var check in environment.SmokeChecks) Assert.Contains(check.Name, samples.DeployOutput);
        }
        Assert.Contains("routed on this machine", samples.DeployOutput);
        Assert.DoesNotContain("failed", samples.DeployOutput.Split("SmokeTest")[^1].Split("InvalidateCdn")[0]);
    }

    [Fact]
    public async Task Invoke_runs_each_sample_function_and_the_handlers_reach_the_local_dynamodb()
    {
        var check = await InvokeJsonAsync("fraud-or-not", "api", new
        {
            httpMethod = "POST", resource = "/check",
            body = """{"email":"grace@example.com","name":"Grace Hopper","amount":42,"cardCountry":"US"}""",
        });
        var registered = await InvokeJsonAsync("media-register", "register", new
        {
            httpMethod = "POST", resource = "/media",
            body = """{"title":"Launch","kind":"video","fileName":"launch.mp4","size":1024,"contentType":"video/mp4"}""",
        });
        var mediaId = Body(registered).GetProperty("id").GetString()!;
        var read = await InvokeJsonAsync("media-register", "register", new
        {
            httpMethod = "GET", resource = "/media/{id}", pathParameters = new { id = mediaId },
        });
        var created = await InvokeJsonAsync("people-cards", "users", new
        {
            httpMethod = "POST", resource = "/users", body = """{"name":"Ada Lovelace","email":"ada@example.com"}""",
        });
        var listed = await InvokeJsonAsync("people-cards", "users", new { httpMethod = "GET", resource = "/users" });

        Assert.True(check.GetProperty("succeeded").GetBoolean(), check.ToString());
        Assert.Equal(200, check.GetProperty("result").GetProperty("statusCode").GetInt32());
        var checkId = Body(check).GetProperty("id").GetString()!;
        var stored = await _aws.JsonAsync("dynamodb", "get-item", "--table-name", "fraud-or-not-local-dynamodb-checks",
            "--key", JsonSerializer.Serialize(new { id = new { S = checkId } }));
        Assert.Equal(Body(check).GetProperty("verdict").GetString(), stored.GetProperty("Item").GetProperty("verdict").GetProperty("S").GetString());

        Assert.Equal(201, registered.GetProperty("result").GetProperty("statusCode").GetInt32());
        Assert.Equal(200, read.GetProperty("result").GetProperty("statusCode").GetInt32());
        Assert.Equal("Launch", Body(read).GetProperty("title").GetString());

        Assert.Equal(201, created.GetProperty("result").GetProperty("statusCode").GetInt32());
        var userId = Body(created).GetProperty("id").GetString();
        Assert.Contains(Body(listed).GetProperty("users").EnumerateArray(), u => u.GetProperty("id").GetString() == userId);
        Assert.StartsWith("local node", listed.GetProperty("where").GetString());
        Assert.StartsWith("local python", read.GetProperty("where").GetString());
    }

    [Fact]
    public async Task Invoke_runs_the_released_zip_and_not_the_working_tree()
    {
        var handler = Path.Combine(samples.Root, "projects", "fraud-or-not", "functions", "api", "index.js");
        var source = await File.ReadAllTextAsync(handler);
        await File.WriteAllTextAsync(handler, source.Replace("{ status: 'ok' }", "{ status: 'changed in the working tree' }"));
        var (packageExit, packageOutput) = await samples.RunAsync("Package", "--project", "fraud-or-not");

        var (exitCode, output) = await samples.RunAsync(
            "Invoke", "--env", "local", "--project", "fraud-or-not", "--event-json", """{"httpMethod":"GET","resource":"/health"}""");

        Assert.True(packageExit == 0, packageOutput);
        Assert.True(exitCode == 0, output);
        Assert.Contains("succeeded in", output);
        Assert.True(output.Contains("\\\"status\\\":\\\"ok\\\""), output);
        Assert.DoesNotContain("changed in the working tree", output);
    }

    [Fact]
    public async Task A_function_that_throws_fails_invoke_with_the_error_as_lambda_reports_it()
    {
        var (exitCode, output) = await samples.RunAsync(
            "Invoke", "--env", "local", "--project", "people-cards", "--event-json", "null");

        Assert.Equal(1, exitCode);
        Assert.Contains("\"errorType\": \"TypeError\"", output);
        Assert.Contains("people-cards/users failed: TypeError", output);
    }
}
