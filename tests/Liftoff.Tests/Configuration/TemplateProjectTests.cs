using Liftoff.Configuration;

namespace Liftoff.Tests.Configuration;

/// <summary>
/// Projects as people bring them: a SAM template (as <c>sam init</c> writes one) or a plain template, with a
/// project.yaml of a few lines or none. The functions come from the template; project.yaml adds settings.
/// </summary>
public sealed class TemplateProjectTests : IDisposable
{
    // The shape `sam init` gives a Python hello-world project.
    private const string SamTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 3
            Runtime: python3.12
        Resources:
          HelloWorldFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: hello_world/
              Handler: app.lambda_handler
              Architectures:
                - x86_64
              Events:
                HelloWorld:
                  Type: Api
                  Properties:
                    Path: /hello
                    Method: get
        """;

    private readonly TempRepository _repository = new TempRepository()
        .Write("environments.yaml", ValidRepository.Environments)
        .Write("projects/hello/template.yaml", SamTemplate)
        .Write("projects/hello/hello_world/app.py", "def lambda_handler(event, context):\n    return {'statusCode': 200}\n");

    public void Dispose() => _repository.Dispose();

    private Task<LiftoffConfiguration> LoadAsync() => ConfigurationLoader.LoadAsync(_repository.Root, CancellationToken.None);

    private async Task<string[]> ErrorsAsync()
    {
        var failure = await Assert.ThrowsAsync<ConfigurationException>(LoadAsync);
        return failure.Errors.Select(e => e.ToString()).ToArray();
    }

    [Fact]
    public async Task A_SAM_function_named_in_project_yaml_is_found_as_an_AWS_Serverless_Function()
    {
        // Finding 1: this project.yaml was refused with "template.yaml has no AWS::Lambda::Function 'HelloWorldFunction'".
        _repository.Write("projects/hello/project.yaml", """
            template: template.yaml
            functions:
              hello:
                logicalId: HelloWorldFunction
                runtime: python3.12
                handler: app.lambda_handler
                source: hello_world
            """);

        var function = (await LoadAsync()).Resolve("dev", ["hello"]).Single().Functions.Single();

        Assert.Equal("HelloWorldFunction", function.LogicalId);
        Assert.Null(function.CodeKeyParameter); // CodeUri is a folder: Deploy rewrites it to the artifact
    }

    [Fact]
    public async Task Without_project_yaml_the_template_gives_functions_runtimes_handlers_and_sources()
    {
        var configuration = await LoadAsync();

        var build = configuration.Builds(["hello"]).Single().Functions.Single();
        Assert.Equal("hello-world", build.Name);
        Assert.Equal("python3.12", build.Runtime); // from Globals
        Assert.Equal("app.lambda_handler", build.Handler);
        Assert.Equal(Path.Combine(_repository.Root, "projects", "hello", "hello_world"), build.SourceDirectory);
        var function = configuration.Resolve("prod", ["hello"]).Single().Functions.Single();
        Assert.True(function.Serverless);
        Assert.Null(function.MemorySize); // the template's
        Assert.Equal("live", function.AliasName);
    }

    [Fact]
    public async Task Settings_of_a_template_function_can_differ_per_environment_without_listing_the_function()
    {
        _repository.Write("projects/hello/project.yaml", """
            environments:
              prod:
                functions:
                  hello-world: { memorySize: 1024, environment: { STAGE: "{env}" } }
            """);

        var configuration = await LoadAsync();

        Assert.Null(configuration.Resolve("dev", ["hello"]).Single().Functions.Single().MemorySize);
        var prod = configuration.Resolve("prod", ["hello"]).Single().Functions.Single();
        Assert.Equal(1024, prod.MemorySize);
        Assert.Equal("prod", prod.EnvironmentVariables["STAGE"]);
    }

    [Fact]
    public async Task A_runtime_that_disagrees_with_the_template_is_an_error_naming_both_places()
    {
        _repository.Write("projects/hello/project.yaml", "functions:\n  hello-world:\n    runtime: python3.13\n");

        Assert.Equal(
            ["projects/hello/project.yaml:3:14: 'functions.hello-world.runtime' is 'python3.13' but projects/hello/template.yaml:6:14 says Runtime: python3.12 for 'HelloWorldFunction'; " +
             "project.yaml and the template are one source of truth: remove 'runtime' from project.yaml (the template's value is used) or make them the same"],
            await ErrorsAsync());
    }

    [Fact]
    public async Task A_source_that_disagrees_with_CodeUri_is_an_error_naming_both_places()
    {
        _repository.Write("projects/hello/project.yaml", "functions:\n  hello-world:\n    source: src\n").Folder("projects/hello/src");

        var error = Assert.Single(await ErrorsAsync());

        Assert.StartsWith("projects/hello/project.yaml:3:13: 'functions.hello-world.source' is 'src' but projects/hello/template.yaml:11:16 says CodeUri: hello_world/ for 'HelloWorldFunction'", error);
    }

    [Fact]
    public async Task A_code_parameter_of_another_name_is_an_error_naming_the_function_and_the_fix()
    {
        // Finding 5: the template took its code key from 'ApiZipKey', so the stack deployed a key that was never uploaded.
        var errors = await ShopErrorsAsync(template => template
            .Replace("ApiCodeKey: {Type: String}", "ApiZipKey: {Type: String, Default: none}")
            .Replace("S3Key: !Ref ApiCodeKey", "S3Key: !Ref ApiZipKey"));

        Assert.Equal(
            ["projects/shop/template.yaml:14:13: 'ApiFunction' takes its code key from parameter 'ApiZipKey', but Liftoff passes the key of functions.api's " +
             "artifact as 'ApiCodeKey': the stack would deploy code Liftoff never built. Rename the parameter to ApiCodeKey, or write the source folder " +
             "there (Code: api), which Liftoff packages and rewrites to the artifact"],
            errors);
    }

    [Fact]
    public async Task Inline_code_in_a_function_project_yaml_builds_is_an_error()
    {
        var errors = await ShopErrorsAsync(template => template
            .Replace("Code: {S3Bucket: !Ref ArtifactBucket, S3Key: !Ref ApiCodeKey}", "Code: {ZipFile: 'exports.handler = async () => 1;'}")
            .Replace("ApiCodeKey: {Type: String}", "ApiCodeKey: {Type: String, Default: none}"));

        Assert.Contains("'ApiFunction' deploys inline code (ZipFile), never the artifact Liftoff builds for functions.api", Assert.Single(errors));
    }

    /// <summary>The errors of the small valid repository (project shop, function api) with its template changed.</summary>
    private static async Task<string[]> ShopErrorsAsync(Func<string, string> changeTemplate)
    {
        using var repository = ValidRepository.Create();
        repository.Write("projects/shop/template.yaml", changeTemplate(ValidRepository.Template));
        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None));
        return failure.Errors.Select(e => e.ToString()).ToArray();
    }

    [Fact]
    public async Task A_rollout_and_alarms_are_refused_where_the_template_moves_every_alias()
    {
        _repository.Write("projects/hello/template.yaml", SamTemplate.Replace("      Handler: app.lambda_handler\n", "      Handler: app.lambda_handler\n      AutoPublishAlias: live\n"));
        _repository.Write("projects/hello/project.yaml", "rollout: { strategy: canary, percent: 10 }\nalarms: [hello-errors]\n");

        var errors = await ErrorsAsync();

        Assert.Equal(2, errors.Length);
        Assert.StartsWith("projects/hello/project.yaml:1:10: 'rollout' is canary, but the template's AutoPublishAlias moves every function's alias", errors[0]);
        Assert.StartsWith("projects/hello/project.yaml:2:9: 'alarms' are watched while Liftoff shifts traffic", errors[1]);
    }

    [Fact]
    public async Task A_folder_with_neither_project_yaml_nor_a_template_is_not_a_project()
    {
        _repository.Write("projects/notes/README.md", "Not a project yet.\n");

        Assert.Equal(["hello"], (await LoadAsync()).ProjectNames);
    }

    [Fact]
    public async Task Environment_variables_cannot_be_added_to_an_expression()
    {
        _repository.Write("projects/hello/template.yaml", SamTemplate.Replace("      Handler: app.lambda_handler\n",
            "      Handler: app.lambda_handler\n      Environment:\n        Variables: !If [IsProd, {A: b}, {A: c}]\n"));
        _repository.Write("projects/hello/project.yaml", "functions:\n  hello-world:\n    environment: { LEVEL: debug }\n");

        var error = Assert.Single(await ErrorsAsync());

        Assert.StartsWith("projects/hello/project.yaml:3:18: 'functions.hello-world.environment' cannot be added to 'HelloWorldFunction': its Environment.Variables at projects/hello/template.yaml:14:20", error);
    }
}
