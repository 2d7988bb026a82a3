using Liftoff.Configuration;

namespace Liftoff.Tests.Configuration;

/// <summary>
/// Validation follows --project (issue 12, finding 6): another project's broken configuration is shown,
/// at file:line:column, but does not block a build of the projects selected.
/// </summary>
public sealed class ProjectSelectionTests : IDisposable
{
    // 'other' names a handler file that does not exist.
    private readonly TempRepository _repository = ValidRepository.Create()
        .Write("projects/other/project.yaml", ValidRepository.Project.Replace("index.handler", "main.handler"))
        .Write("projects/other/template.yaml", ValidRepository.Template.Replace("index.handler", "main.handler"))
        .Write("projects/other/api/index.js", "exports.handler = async () => 1;\n");

    private const string OtherError =
        "projects/other/project.yaml:5:14: 'functions.api.handler' is 'main.handler' but projects/other/api/main.js or .mjs or .cjs does not exist";

    public void Dispose() => _repository.Dispose();

    private Task<LiftoffConfiguration> LoadAsync(params string[] projects) =>
        ConfigurationLoader.LoadAsync(_repository.Root, ValidRepository.Options(projects), CancellationToken.None);

    [Fact]
    public async Task Another_projects_errors_are_warnings_with_their_place_and_the_selected_project_resolves()
    {
        var configuration = await LoadAsync("shop");

        var warning = Assert.Single(configuration.Warnings).ToString();
        Assert.StartsWith(OtherError, warning);
        Assert.EndsWith("[project 'other' is not in --project: not blocking]", warning);
        Assert.Equal("shop-dev", configuration.Resolve("dev", ["shop"]).Single().StackName);
        Assert.Equal(["shop"], configuration.Builds(["shop"]).Select(b => b.Project));
    }

    [Fact]
    public async Task Another_projects_warnings_are_not_shown()
    {
        _repository.Write("projects/other/project.yaml", ValidRepository.Project)
            .Write("projects/other/template.yaml", ValidRepository.Template.Replace("Outputs:", "  Table:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: jobs\nOutputs:"));

        var other = await LoadAsync("other");
        var shop = await LoadAsync("shop");

        Assert.Contains("fixed QueueName 'jobs'", Assert.Single(other.Warnings).Message);
        Assert.Empty(shop.Warnings);
        Assert.Equal(["other", "shop"], shop.ProjectNames);
    }

    [Fact]
    public async Task Without_a_selection_every_projects_errors_block()
    {
        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadAsync());

        Assert.StartsWith(OtherError, Assert.Single(failure.Errors).ToString());
    }

    [Fact]
    public async Task A_selected_broken_project_still_blocks_and_comma_lists_count_as_selections()
    {
        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadAsync("shop, other"));

        Assert.StartsWith(OtherError, Assert.Single(failure.Errors).ToString());
    }

    [Fact]
    public async Task Errors_in_environments_yaml_block_whatever_is_selected()
    {
        _repository.Write("environments.yaml", ValidRepository.Environments.Replace("region: us-east-1", "region: moon-1"));

        var failure = await Assert.ThrowsAsync<ConfigurationException>(() => LoadAsync("shop"));

        Assert.Contains(failure.Errors, e => e.File == "environments.yaml");
    }
}
