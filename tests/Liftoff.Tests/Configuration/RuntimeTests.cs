using Liftoff.Configuration;
using Liftoff.Configuration.Runtimes;

namespace Liftoff.Tests.Configuration;

/// <summary>
/// Runtimes are judged by AWS's lifecycle as cfn-lint's data gives it (issue 12, finding 4): every
/// Node.js and Python runtime AWS still lets you create is accepted, a deprecated one warns with its
/// block date, a blocked one is refused naming its successor, and project.yaml agrees with the template.
/// </summary>
public sealed class RuntimeTests
{
    private const string ProjectFile = "projects/shop/project.yaml";

    // The day this was written: nodejs20.x blocked since 2026-06-01, python3.11 since 2026-07-31.
    private static readonly TimeProvider Today = ValidRepository.Options().Clock;

    /// <summary>A lifecycle file in cfn-lint's shape, with dates chosen around <see cref="Today"/>.</summary>
    private const string Lifecycle = """
        {
          "nodejs20.x": { "create-block": "2026-06-01", "deprecated": "2026-04-30", "successor": "nodejs24.x", "update-block": "2026-07-01" },
          "nodejs22.x": { "create-block": "2027-06-01", "deprecated": "2026-11-01", "successor": "nodejs24.x", "update-block": "2027-07-01" },
          "nodejs24.x": { "create-block": "2028-06-01", "deprecated": "2028-04-30", "successor": null, "update-block": "2028-07-01" },
          "python3.11": { "create-block": "2026-07-31", "deprecated": "2026-06-30", "successor": "python3.14", "update-block": "2026-08-31" },
          "python3.14": { "create-block": "2029-07-31", "deprecated": "2029-06-30", "successor": null, "update-block": "2029-08-31" },
          "java21": { "create-block": "2029-07-31", "deprecated": "2029-06-30", "successor": "java25", "update-block": "2029-08-31" }
        }
        """;

    private static async Task<RuntimeLifecycle> WrittenLifecycleAsync(TempRepository repository)
    {
        repository.Write("lifecycle.json", Lifecycle);
        return await RuntimeLifecycle.LoadAsync(Path.Combine(repository.Root, "lifecycle.json"), CancellationToken.None);
    }

    private static async Task<LiftoffConfiguration> LoadWithWrittenLifecycleAsync(TempRepository repository) =>
        await ConfigurationLoader.LoadAsync(repository.Root,
            new ConfigurationOptions { Clock = Today, Runtimes = await WrittenLifecycleAsync(repository) }, CancellationToken.None);

    private static TempRepository WithRuntime(string runtime) =>
        ValidRepository.Create()
            .Write(ProjectFile, ValidRepository.Project.Replace("nodejs22.x", runtime))
            .Write("projects/shop/template.yaml", ValidRepository.Template.Replace("nodejs22.x", runtime));

    [Theory]
    [InlineData("nodejs22.x")]
    [InlineData("nodejs24.x")]
    [InlineData("python3.12")]
    [InlineData("python3.13")]
    [InlineData("python3.14")]
    public async Task Every_runtime_AWS_still_creates_is_accepted_from_cfn_lints_data_on_this_machine(string runtime)
    {
        using var repository = WithRuntime(runtime);
        if (runtime.StartsWith("python", StringComparison.Ordinal))
            repository.Write(ProjectFile, ValidRepository.Project.Replace("nodejs22.x", runtime).Replace("index.handler", "app.handler"))
                .Write("projects/shop/template.yaml", ValidRepository.Template.Replace("nodejs22.x", runtime).Replace("index.handler", "app.handler"))
                .Write("projects/shop/api/app.py", "def handler(event, context):\n    return 1\n");

        var configuration = await ConfigurationLoader.LoadAsync(repository.Root, new ConfigurationOptions { Clock = Today }, CancellationToken.None);

        Assert.Equal(runtime, configuration.Resolve("dev", null).Single().Functions.Single().Runtime);
        Assert.DoesNotContain(configuration.Warnings, w => w.Message.Contains(runtime, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lifecycle_data_is_read_from_the_cfn_lint_installed_here()
    {
        var lifecycle = await RuntimeLifecycle.FromCfnLintAsync(CancellationToken.None);

        Assert.Null(lifecycle.Unavailable);
        Assert.EndsWith(Path.Combine("cfnlint", "data", "AdditionalSpecs", "LmbdRuntimeLifecycle.json"), lifecycle.Source);
        var creatable = lifecycle.Creatable(DateOnly.FromDateTime(Today.GetUtcNow().UtcDateTime));
        Assert.Contains("nodejs24.x", creatable);
        Assert.Contains("python3.14", creatable);
        Assert.DoesNotContain("nodejs20.x", creatable);
    }

    [Fact]
    public async Task Where_the_data_is_is_remembered_for_the_same_cfn_lint_and_asked_again_for_another()
    {
        using var repository = new TempRepository();
        var cache = Path.Combine(repository.Root, ".nuke", "temp", "lifecycle.txt");

        var asked = await RuntimeLifecycle.FromCfnLintAsync(CancellationToken.None, cacheFile: cache);
        var remembered = await File.ReadAllLinesAsync(cache);
        // The remembered answer is used as it is: point it at a file of our own and it is read.
        repository.Write("mine.json", Lifecycle);
        await File.WriteAllLinesAsync(cache, [remembered[0], Path.Combine(repository.Root, "mine.json")]);
        var fromCache = await RuntimeLifecycle.FromCfnLintAsync(CancellationToken.None, cacheFile: cache);
        await File.WriteAllLinesAsync(cache, ["another cfn-lint|1|2026-01-01T00:00:00Z|" + RuntimeLifecycle.DataFile, Path.Combine(repository.Root, "mine.json")]);
        var askedAgain = await RuntimeLifecycle.FromCfnLintAsync(CancellationToken.None, cacheFile: cache);

        Assert.Equal([remembered[0], asked.Source!], remembered);
        Assert.Equal(Path.Combine(repository.Root, "mine.json"), fromCache.Source);
        Assert.Equal(asked.Source, askedAgain.Source);
    }

    [Theory]
    [InlineData("nodejs20.x", // blocked: the error names its successor
        "'functions.api.runtime': AWS no longer lets functions be created on nodejs20.x (blocked since 2026-06-01); use nodejs24.x")]
    [InlineData("java21", // a language Liftoff does not build, refused by its shape
        "'functions.api.runtime' is 'java21'; expected a Node.js or Python Lambda runtime, such as nodejs24.x or python3.14")]
    public async Task A_runtime_that_cannot_be_used_is_refused_saying_why(string runtime, string error)
    {
        using var repository = WithRuntime(runtime);

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadWithWrittenLifecycleAsync(repository));

        Assert.Equal([$"{ProjectFile}:4:14: {error}"], failure.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task A_deprecated_runtime_warns_with_its_block_date_and_still_loads()
    {
        using var repository = WithRuntime("nodejs22.x");

        var configuration = await LoadWithWrittenLifecycleAsync(repository);

        Assert.Equal(
            [$"{ProjectFile}:4:14: 'functions.api.runtime': nodejs22.x is deprecated since 2026-11-01: AWS blocks creating functions on it from 2027-06-01 and updating them from 2027-07-01; move to nodejs24.x"],
            configuration.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public async Task An_unknown_runtime_lists_the_ones_AWS_creates_today()
    {
        using var repository = WithRuntime("nodejs24");

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadWithWrittenLifecycleAsync(repository));

        var error = Assert.Single(failure.Errors).ToString();
        Assert.StartsWith($"{ProjectFile}:4:14: 'functions.api.runtime': nodejs24 is not in AWS's list of Lambda runtimes", error);
        Assert.EndsWith("did you mean 'nodejs24.x'? Node.js and Python runtimes you can create today: nodejs22.x, nodejs24.x, python3.14", error);
    }

    [Fact]
    public async Task A_runtime_newer_than_the_data_says_to_upgrade_cfn_lint()
    {
        using var repository = WithRuntime("nodejs26.x");

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadWithWrittenLifecycleAsync(repository));

        Assert.EndsWith("If AWS released it after this cfn-lint, upgrade cfn-lint (pip install --upgrade cfn-lint)", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public async Task Without_cfn_lint_runtimes_load_unchecked_with_one_warning_saying_so()
    {
        using var repository = WithRuntime("nodejs20.x");
        var empty = repository.Folder("empty-bin").Root;
        var lifecycle = await RuntimeLifecycle.FromCfnLintAsync(CancellationToken.None, searchPath: Path.Combine(empty, "empty-bin"));

        var configuration = await ConfigurationLoader.LoadAsync(repository.Root,
            new ConfigurationOptions { Clock = Today, Runtimes = lifecycle }, CancellationToken.None);

        Assert.Equal("cfn-lint is not on PATH", lifecycle.Unavailable);
        Assert.Equal(
            ["cfn-lint: runtimes were not checked against AWS's runtime lifecycle (cfn-lint is not on PATH); install cfn-lint (pip install cfn-lint), which Compile needs too"],
            configuration.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public async Task A_runtime_that_differs_from_the_templates_is_an_error_naming_both_places()
    {
        using var repository = ValidRepository.Create()
            .Write("projects/shop/template.yaml", ValidRepository.Template.Replace("nodejs22.x", "nodejs24.x"));

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadWithWrittenLifecycleAsync(repository));

        Assert.Equal(
            [$"{ProjectFile}:4:14: 'functions.api.runtime' is 'nodejs22.x' but projects/shop/template.yaml:11:16 says Runtime: nodejs24.x for 'ApiFunction'; " +
             "project.yaml and the template are one source of truth: remove 'runtime' from project.yaml (the template's value is used) or make them the same"],
            failure.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task A_runtime_the_template_takes_from_a_parameter_is_compared_by_its_value()
    {
        using var repository = ValidRepository.Create().Write("projects/shop/template.yaml", ValidRepository.Template
            .Replace("  ApiCodeKey: {Type: String}", "  ApiCodeKey: {Type: String}\n  NodeRuntime: {Type: String, Default: python3.14}")
            .Replace("Runtime: nodejs22.x", "Runtime: !Ref NodeRuntime"));

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadWithWrittenLifecycleAsync(repository));

        Assert.Contains("says Runtime: python3.14 for 'ApiFunction'", Assert.Single(failure.Errors).Message);
    }
}
