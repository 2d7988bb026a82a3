using Liftoff.Configuration;

namespace Liftoff.Tests.Configuration;

/// <summary>The repository's own environments.yaml and sample projects, loaded and resolved.</summary>
public sealed class SampleConfigurationTests
{
    private static readonly Lazy<Task<LiftoffConfiguration>> Loaded =
        new(() => ConfigurationLoader.LoadAsync(RepositoryFolders.Root, CancellationToken.None));

    [Fact]
    public async Task Lists_the_four_environments_and_three_projects()
    {
        var configuration = await Loaded.Value;

        Assert.Equal(["dev", "staging", "prod", "local"], configuration.EnvironmentNames);
        Assert.Equal(["fraud-or-not", "media-register", "people-cards"], configuration.ProjectNames);
    }

    [Fact]
    public async Task Resolves_names_and_settings_by_the_convention()
    {
        var fraud = (await Loaded.Value).Resolve("dev", ["fraud-or-not"]).Single();

        Assert.Equal("fraud-or-not-dev", fraud.StackName);
        Assert.Equal("liftoff-artifacts-dev", fraud.ArtifactBucket);
        Assert.Equal(Path.Combine(RepositoryFolders.Root, "projects", "fraud-or-not", "template.yaml"), fraud.TemplatePath);
        var api = Assert.Single(fraud.Functions);
        Assert.Equal("fraud-or-not-dev-lambda-api", api.FunctionName);
        Assert.Equal("ApiFunction", api.LogicalId);
        Assert.Equal("ApiCodeKey", api.CodeKeyParameter);
        Assert.Equal(Path.Combine(RepositoryFolders.Root, ".nuke", "temp", "staging", "fraud-or-not", "api"), api.StagingDirectory);
        Assert.Equal(new StackOutputReference("ApiUrl", "Api"), fraud.Outputs.ApiUrl);
        Assert.Equal(["fraud-or-not-dev-alarm-api-errors"], fraud.Alarms);
        Assert.Equal(Rollout.AllAtOnce, fraud.Rollout);
        Assert.Equal("platform-team", fraud.Tags["owner"]);
        Assert.Equal(3, fraud.SmokeChecks.Count);
        var score = fraud.SmokeChecks[1];
        Assert.Equal(("score a payment", SmokeCheckKind.Http, "POST", "/check", 200, "\"verdict\""),
            (score.Name, score.Kind, score.Method, score.Path, score.ExpectedStatus, score.BodyContains));
        Assert.Equal("""{"email":"ada.lovelace@example.com","name":"Ada Lovelace","amount":12.5,"cardCountry":"GB"}""", score.Body);
    }

    [Fact]
    public async Task Applies_per_environment_overrides_over_the_project()
    {
        var configuration = await Loaded.Value;
        var dev = configuration.Resolve("dev", ["fraud-or-not"]).Single();
        var prod = configuration.Resolve("prod", ["fraud-or-not"]).Single();
        var staging = configuration.Resolve("staging", ["fraud-or-not"]).Single();

        Assert.Equal("debug", dev.StackParameters["LogLevel"]);
        Assert.Equal("warn", prod.StackParameters["LogLevel"]);
        Assert.Equal("info", staging.StackParameters["LogLevel"]);
        Assert.Equal(256, dev.Functions[0].MemorySize);
        Assert.Equal(512, prod.Functions[0].MemorySize);
        Assert.Equal("512", prod.StackParameters["ApiMemorySize"]);
        Assert.Equal(10, prod.Functions[0].Timeout); // not overridden: the project's value stays
        Assert.True(prod.RequiresApproval);
        Assert.True(prod.TerminationProtection);
        Assert.Equal(new Rollout(RolloutStrategy.Canary, 10, 10, 1), prod.Rollout);
        Assert.Equal(new Rollout(RolloutStrategy.Linear, 25, 2, 3), staging.Rollout);
    }

    [Fact]
    public async Task A_project_rollout_overrides_the_environment_default()
    {
        var people = (await Loaded.Value).Resolve("prod", ["people-cards"]).Single();

        Assert.Equal(new Rollout(RolloutStrategy.Linear, 20, 5, 4), people.Rollout);
        Assert.Equal(FunctionBuilder.TypeScript, people.Functions[0].Builder);
        Assert.Equal("arm64", people.StackParameters["UsersArchitecture"]);
    }

    [Fact]
    public async Task Local_points_every_client_at_the_local_endpoint()
    {
        var local = (await Loaded.Value).Resolve("local", null);

        Assert.Equal(3, local.Count);
        Assert.All(local, p => Assert.Equal("http://127.0.0.1:4566", p.EndpointUrl));
        Assert.All(local, p => Assert.Equal("us-east-1", p.Region));
    }

    [Fact]
    public async Task Builds_are_the_same_for_every_environment()
    {
        var builds = (await Loaded.Value).Builds(["media-register", "people-cards"]);

        Assert.Equal(["media-register", "people-cards"], builds.Select(b => b.Project));
        var register = builds[0].Functions.Single();
        Assert.Equal(FunctionBuilder.Python, register.Builder);
        Assert.Equal("python3 -m unittest discover -s tests -t .", register.TestCommand);
        Assert.Null(builds[0].FrontEnd);
        var users = builds[1].Functions.Single();
        Assert.Equal(Path.Combine(users.SourceDirectory, "src", "index.ts"), users.Entry);
        Assert.Equal("npm test", users.TestCommand);
        Assert.Equal(Path.Combine(RepositoryFolders.Root, "projects", "people-cards", "frontend", "dist"), builds[1].FrontEnd!.OutputDirectory);
    }

    [Fact]
    public async Task An_unknown_environment_or_project_lists_the_valid_names()
    {
        var configuration = await Loaded.Value;

        var env = Assert.Throws<ConfigurationException>(() => configuration.Resolve("production", null));
        Assert.Equal("environments.yaml: unknown environment 'production' (--env); valid environments: dev, staging, prod, local",
            env.Errors.Single().ToString());

        var project = Assert.Throws<ConfigurationException>(() => configuration.Resolve("dev", ["fraud-or-nto", "media-register"]));
        Assert.Equal("projects/: unknown project 'fraud-or-nto' (--project); did you mean 'fraud-or-not'? valid projects: fraud-or-not, media-register, people-cards",
            project.Errors.Single().ToString());
    }

    [Fact]
    public async Task Project_accepts_comma_separated_names()
    {
        var selected = (await Loaded.Value).Resolve("staging", ["people-cards,media-register"]);

        Assert.Equal(["media-register", "people-cards"], selected.Select(p => p.Project));
    }
}
