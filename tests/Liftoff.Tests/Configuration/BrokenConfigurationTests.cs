using Liftoff.Configuration;

namespace Liftoff.Tests.Configuration;

/// <summary>
/// The corpus of broken configurations: each case breaks one thing in a valid repository and expects
/// every error, at file:line:column, with what is wrong and what to do. Loading never reaches AWS.
/// </summary>
public sealed class BrokenConfigurationTests
{
    private const string ProjectFile = "projects/shop/project.yaml";

    private static async Task<string[]> ErrorsAsync(string project, params (string Path, string Text)[] files)
    {
        using var repository = ValidRepository.Create(project);
        foreach (var (path, text) in files) repository.Write(path, text);
        var failure = await Assert.ThrowsAsync<ConfigurationException>(
            () => ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None));
        Assert.Contains(failure.Errors.Count == 1 ? "has 1 error:" : $"has {failure.Errors.Count} errors:", failure.Message);
        return failure.Errors.Select(e => e.ToString()).ToArray();
    }

    private static Task<string[]> ErrorsAsync(params (string Path, string Text)[] files) => ErrorsAsync("shop", files);

    [Fact]
    public async Task The_valid_repository_loads()
    {
        using var repository = ValidRepository.Create();
        var configuration = await ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None);
        Assert.Equal(["shop"], configuration.ProjectNames);
    }

    [Fact]
    public async Task Bad_yaml_gives_the_parser_position()
    {
        Assert.Equal(
            [$"{ProjectFile}:5:4: not valid YAML: While parsing a block mapping, did not find expected key"],
            await ErrorsAsync((ProjectFile, "template: template.yaml\nfunctions:\n  api:\n    runtime: nodejs22.x\n   handler: index.handler\n")));
    }

    [Fact]
    public async Task Duplicate_key_is_an_error_not_a_silent_override()
    {
        Assert.Equal(
            [$"{ProjectFile}:2:1: not valid YAML: the key 'template' appears twice in the same mapping; keep one"],
            await ErrorsAsync((ProjectFile, "template: other.yaml\n" + ValidRepository.Project)));
    }

    [Fact]
    public async Task Unknown_key_suggests_the_nearest_known_key()
    {
        Assert.Equal(
            [$"{ProjectFile}:7:5: unknown key 'memorySzie' in 'functions.api'; did you mean 'memorySize'?"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\n    memorySzie: 256\n")));
    }

    [Fact]
    public async Task Unknown_key_far_from_any_lists_the_allowed_keys()
    {
        Assert.Equal(
            [$"{ProjectFile}:1:1: unknown key 'owner'; allowed keys: description, template, stackParameters, functions, frontEnd, outputs, smokeChecks, smokeTimeoutSeconds, rollbackOnFailure, rollout, alarms, tags, environments"],
            await ErrorsAsync((ProjectFile, "owner: me\n" + ValidRepository.Project)));
    }

    [Fact]
    public async Task Misspelt_required_key_reports_the_typo_and_the_missing_key()
    {
        var environments = ValidRepository.Environments.Replace("    region: us-east-1", "    regoin: us-east-1");
        Assert.Equal(
            [
                "environments.yaml:3:5: 'environments.dev': missing required key 'region' (AWS region, e.g. us-east-1)",
                "environments.yaml:3:5: unknown key 'regoin' in 'environments.dev'; did you mean 'region'?",
            ],
            await ErrorsAsync(("environments.yaml", environments)));
    }

    [Fact]
    public async Task Wrong_scalar_type_says_what_was_expected()
    {
        Assert.Equal(
            [$"{ProjectFile}:7:17: 'functions.api.memorySize' expects a whole number, found 'big'"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\n    memorySize: big\n")));
    }

    [Fact]
    public async Task Wrong_boolean_says_true_or_false()
    {
        var environments = ValidRepository.Environments.Replace("requiresApproval: true", "requiresApproval: sometimes");
        Assert.Equal(
            ["environments.yaml:8:23: 'environments.prod.requiresApproval' expects true or false, found 'sometimes'"],
            await ErrorsAsync(("environments.yaml", environments)));
    }

    [Fact]
    public async Task A_list_where_a_mapping_belongs_is_named()
    {
        Assert.Equal(
            [$"{ProjectFile}:3:3: 'functions' expects a mapping of names to values, found a list"],
            await ErrorsAsync((ProjectFile, "template: template.yaml\nfunctions:\n  - api\n")));
    }

    [Fact]
    public async Task Missing_template_suggests_the_file_that_is_there()
    {
        Assert.Equal(
            [$"{ProjectFile}:1:11: 'template': file 'projects/shop/templates.yaml' does not exist; did you mean 'projects/shop/template.yaml'?"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project.Replace("template: template.yaml", "template: templates.yaml"))));
    }

    [Fact]
    public async Task Missing_source_folder_is_reported_at_its_key()
    {
        Assert.Equal(
            [$"{ProjectFile}:6:13: 'functions.api.source': folder 'projects/shop/apii' does not exist; did you mean 'projects/shop/api'?"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project.Replace("source: api", "source: apii"))));
    }

    [Fact]
    public async Task Blocked_runtime_names_its_successor()
    {
        Assert.Equal(
            [$"{ProjectFile}:4:14: 'functions.api.runtime': AWS no longer lets functions be created on nodejs18.x (blocked since 2026-06-01); use nodejs24.x"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project.Replace("nodejs22.x", "nodejs18.x")),
                ("projects/shop/template.yaml", ValidRepository.Template.Replace("nodejs22.x", "nodejs18.x"))));
    }

    [Fact]
    public async Task Function_name_longer_than_lambda_allows_is_an_error_for_that_environment()
    {
        const string project = "an-extremely-long-project-name-for-testing-limits";
        Assert.Equal(
            [$"projects/{project}/template.yaml:10:21: function name '{project}-prod-lambda-api' of 'ApiFunction' is 65 characters; AWS allows 64. Shorten the project, environment or function name"],
            await ErrorsAsync(project));
    }

    [Fact]
    public async Task Bucket_name_in_the_template_longer_than_s3_allows_is_an_error()
    {
        var template = ValidRepository.Template.Replace("-s3-site\"", "-s3-site-for-the-spring-marketing-campaign-${AWS::AccountId}\"");
        Assert.Equal(
            [
                "projects/shop/template.yaml:18:19: bucket name 'shop-prod-s3-site-for-the-spring-marketing-campaign-123456789012' of 'Site' is 64 characters; AWS allows 63. Shorten the project, environment or bucket name",
            ],
            await ErrorsAsync(("projects/shop/template.yaml", template)));
    }

    [Fact]
    public async Task Artifact_bucket_breaking_s3_naming_rules_is_an_error()
    {
        var environments = ValidRepository.Environments.Replace("artifactBucket: artifacts-{env}\n  prod", "artifactBucket: Artifacts_{env}\n  prod");
        Assert.Equal(
            ["environments.yaml:4:21: 'environments.dev.artifactBucket' is 'Artifacts_dev': use lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit"],
            await ErrorsAsync(("environments.yaml", environments)));
    }

    [Fact]
    public async Task Path_outside_the_repository_is_refused()
    {
        var errors = await ErrorsAsync((ProjectFile, ValidRepository.Project.Replace("source: api", "source: ../../../elsewhere")));
        var error = Assert.Single(errors);
        Assert.StartsWith($"{ProjectFile}:6:13: 'functions.api.source' is '../../../elsewhere', which is outside the repository (", error);
        Assert.EndsWith("keep every project file inside the repository so CI sees the same files", error);
    }

    [Fact]
    public async Task Unknown_environment_in_overrides_suggests_the_nearest()
    {
        Assert.Equal(
            [$"{ProjectFile}:8:3: unknown environment 'prd' in 'environments'; did you mean 'prod'?"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\nenvironments:\n  prd:\n    functions: {api: {memorySize: 512}}\n")));
    }

    [Fact]
    public async Task Build_inputs_cannot_differ_per_environment()
    {
        Assert.Equal(
            [$"{ProjectFile}:11:9: 'functions.api.runtime' cannot differ per environment (environments.prod): Compile builds once and every environment deploys that build. Set it outside 'environments'."],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\nenvironments:\n  prod:\n    functions:\n      api:\n        runtime: nodejs20.x\n")));
    }

    [Fact]
    public async Task An_environment_cannot_add_a_function_the_project_does_not_declare()
    {
        Assert.Equal(
            [$"{ProjectFile}:10:7: 'functions.apii' in environments.prod is not declared in 'functions'; did you mean 'api'?"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\nenvironments:\n  prod:\n    functions:\n      apii:\n        memorySize: 512\n")));
    }

    [Fact]
    public async Task Unknown_placeholder_lists_the_known_ones()
    {
        Assert.Equal(
            [$"{ProjectFile}:8:10: 'stackParameters.Stage' unknown placeholder {{stage}}; known: {{project}}, {{env}}, {{region}}, {{accountId}}"],
            await ErrorsAsync(
                (ProjectFile, ValidRepository.Project + "\nstackParameters:\n  Stage: \"{stage}\"\n"),
                ("projects/shop/template.yaml", ValidRepository.Template.Replace("Parameters:\n", "Parameters:\n  Stage: {Type: String}\n"))));
    }

    [Fact]
    public async Task Stack_parameter_the_template_does_not_declare_is_named()
    {
        Assert.Equal(
            [$"{ProjectFile}:8:13: stack parameter 'LogLevel' is not declared by projects/shop/template.yaml; it declares: ApiCodeKey, ArtifactBucket, Environment, Project"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\nstackParameters:\n  LogLevel: debug\n")));
    }

    [Fact]
    public async Task Function_missing_from_the_template_lists_the_template_functions()
    {
        Assert.Equal(
            [$"{ProjectFile}:7:16: projects/shop/template.yaml has no function 'Api' among its AWS::Serverless::Function and AWS::Lambda::Function resources; its functions: ApiFunction (api). Use the name Liftoff gives the template's function, or set 'logicalId'"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\n    logicalId: Api\n")));
    }

    [Fact]
    public async Task A_template_function_needs_no_naming_convention()
    {
        using var repository = ValidRepository.Create();
        repository.Write("projects/shop/template.yaml", ValidRepository.Template.Replace("      FunctionName: !Sub \"${Project}-${Environment}-lambda-api\"\n", ""));

        var configuration = await ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None);

        var api = configuration.Resolve("dev", ["shop"]).Single().Functions.Single();
        Assert.Equal("ApiFunction", api.LogicalId);
        Assert.Null(api.FunctionName); // AWS names it; Deploy reads the name from the stack
    }

    [Fact]
    public async Task Canary_without_percent_says_what_to_add()
    {
        var environments = ValidRepository.Environments.Replace("\n      percent: 10", "");
        Assert.Equal(
            ["environments.yaml:10:7: a canary rollout needs 'percent': the share of traffic to move a step (e.g. percent: 10)"],
            await ErrorsAsync(("environments.yaml", environments)));
    }

    [Fact]
    public async Task Out_of_range_number_gives_the_range()
    {
        Assert.Equal(
            [$"{ProjectFile}:7:14: 'functions.api.timeout' is 901; allowed: 1 to 900"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project + "\n    timeout: 901\n")));
    }

    [Fact]
    public async Task Missing_handler_module_names_the_file_looked_for()
    {
        Assert.Equal(
            [$"{ProjectFile}:5:14: 'functions.api.handler' is 'main.handler' but projects/shop/api/main.js or .mjs or .cjs does not exist; the handler is <file without extension>.<exported function>"],
            await ErrorsAsync((ProjectFile, ValidRepository.Project.Replace("index.handler", "main.handler")),
                ("projects/shop/template.yaml", ValidRepository.Template.Replace("index.handler", "main.handler"))));
    }

    [Fact]
    public async Task Empty_project_file_is_an_error()
    {
        Assert.Equal(
            [$"{ProjectFile}:1:1: the file is empty; see the schema in schemas/ for what it holds"],
            await ErrorsAsync((ProjectFile, "# nothing yet\n")));
    }

    [Fact]
    public async Task Missing_environments_file_says_where_it_was_looked_for()
    {
        using var repository = ValidRepository.Create();
        File.Delete(Path.Combine(repository.Root, "environments.yaml"));

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => ConfigurationLoader.LoadAsync(repository.Root, CancellationToken.None));

        Assert.Equal($"environments.yaml: not found in {repository.Root}; create it with your environments (see schemas/environments.schema.json)",
            failure.Errors.Single().ToString());
    }

    [Fact]
    public async Task Every_error_in_a_file_is_reported_at_once()
    {
        var project = ValidRepository.Project.Replace("nodejs22.x", "node").Replace("source: api", "source: nowhere") +
                      "\n    timeout: soon\n    memorySzie: 1\n";
        var errors = await ErrorsAsync((ProjectFile, project), ("projects/shop/template.yaml", ValidRepository.Template.Replace("nodejs22.x", "node")));

        Assert.Equal(4, errors.Length);
        Assert.Contains(errors, e => e.StartsWith($"{ProjectFile}:4:14: 'functions.api.runtime' is 'node'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{ProjectFile}:6:13: 'functions.api.source': folder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{ProjectFile}:7:14: 'functions.api.timeout' expects a whole number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"{ProjectFile}:8:5: unknown key 'memorySzie'", StringComparison.Ordinal));
    }
    [Fact]
    public async Task Smoke_checks_of_each_kind_need_their_own_keys_and_only_those()
    {
        var project = ValidRepository.Project + """

            smokeChecks:
              - name: no path
                status: 200
              - kind: invoke
                function: apu
                status: 200
              - kind: invoke
                payload: '{"name": ada}'
              - path: /health
                function: api
            """;

        var errors = await ErrorsAsync((ProjectFile, project));

        Assert.Equal(
        [
            $"{ProjectFile}:8:5: 'smokeChecks[0]' is an http check and needs 'path': the path below the API URL, e.g. path: /health",
            $"{ProjectFile}:11:15: 'smokeChecks[1].function' is 'apu', which is not a function of this project; did you mean 'api'?",
            $"{ProjectFile}:12:13: 'smokeChecks[1].status' belongs to http checks; an invoke check sends 'payload' and checks the function's result with bodyContains, json and maxLatencyMs",
            $"{ProjectFile}:13:5: 'smokeChecks[2]' is an invoke check and needs 'function': one of api",
            $"{ProjectFile}:14:14: 'smokeChecks[2].payload' is not JSON ('a' is an invalid start of a value.); write the event as JSON text, e.g. payload: '{{\"name\": \"ada\"}}'",
            $"{ProjectFile}:16:15: 'smokeChecks[3].function' belongs to invoke checks; this one is an http check. Add kind: invoke, or use path and body",
        ], errors);
    }

    [Fact]
    public async Task A_json_check_names_json_pointers_and_a_latency_limit_is_a_positive_number()
    {
        var project = ValidRepository.Project + """

            smokeChecks:
              - path: /health
                json: { status: ok }
                maxLatencyMs: 0
            """;

        Assert.Equal(
        [
            $"{ProjectFile}:9:13: 'status' is not a valid name in 'smokeChecks[0].json': use a JSON pointer: empty for the whole document, else starting with /, e.g. /status or /users/0/id",
            $"{ProjectFile}:10:19: 'smokeChecks[0].maxLatencyMs' is 0; allowed: 1 to 600000",
        ], await ErrorsAsync((ProjectFile, project)));
    }
}
