using System.Text.Json;
using Liftoff.Ci.Affected;
using Liftoff.Configuration;
using Liftoff.Tests.Configuration;

namespace Liftoff.Tests.Ci;

/// <summary>Affected on a scripted git history: two projects (shop, cards) and the shared configuration.</summary>
public sealed class AffectedProjectsTests : IAsyncLifetime, IDisposable
{
    private readonly TempRepository _repository = ValidRepository.Create("shop")
        .Write("projects/cards/project.yaml", ValidRepository.Project)
        .Write("projects/cards/template.yaml", ValidRepository.Template)
        .Write("projects/cards/api/index.js", "exports.handler = async () => ({ statusCode: 204 });\n");
    private ScriptedGit _git = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        _git = await ScriptedGit.InitAsync(_repository);
        _base = await _git.CommitAsync("two projects");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_change_inside_one_project_affects_that_project_alone()
    {
        _repository.Write("projects/shop/api/index.js", "exports.handler = async () => ({ statusCode: 201 });\n");
        await _git.CommitAsync("shop returns 201");

        var report = await FindAsync(_base);

        Assert.False(report.Everything);
        var shop = Assert.Single(report.Projects);
        Assert.Equal("shop", shop.Project);
        Assert.Equal(["projects/shop/api/index.js"], shop.Reasons);
    }

    [Fact]
    public async Task A_change_to_the_shared_configuration_affects_every_project()
    {
        _repository.Write("environments.yaml", ValidRepository.Environments.Replace("percent: 10", "percent: 20"));
        await _git.CommitAsync("prod canaries 20%");

        var report = await FindAsync(_base);

        Assert.True(report.Everything);
        Assert.Equal(["cards", "shop"], report.ProjectNames);
        Assert.Equal("shared input changed: environments.yaml", report.Note);
    }

    [Fact]
    public async Task A_change_to_the_build_affects_every_project()
    {
        _repository.Write("build/Build.cs", "// the pipeline changed\n");
        await _git.CommitAsync("build");

        Assert.Equal(["cards", "shop"], (await FindAsync(_base)).ProjectNames);
    }

    [Fact]
    public async Task A_file_renamed_from_one_project_into_another_affects_both()
    {
        _repository.Write("projects/shop/api/lib/prices.js", "module.exports = { vat: 0.2 };\n");
        var withPrices = await _git.CommitAsync("shop prices");
        Directory.CreateDirectory(Path.Combine(_repository.Root, "projects/cards/api/lib"));
        await _git.RunAsync("mv", "projects/shop/api/lib/prices.js", "projects/cards/api/lib/prices.js");
        await _git.CommitAsync("prices belong to cards");

        var report = await FindAsync(withPrices);

        Assert.Equal(["cards", "shop"], report.ProjectNames);
        Assert.Equal(["projects/cards/api/lib/prices.js"], report.Projects.Single(p => p.Project == "cards").Reasons);
        Assert.Equal(["projects/shop/api/lib/prices.js"], report.Projects.Single(p => p.Project == "shop").Reasons);
    }

    [Fact]
    public async Task A_renamed_project_folder_is_a_new_project_and_the_old_name_is_reported_removed()
    {
        await _git.RunAsync("mv", "projects/cards", "projects/badges");
        await _git.CommitAsync("cards are badges now");

        var report = await FindAsync(_base);

        Assert.Equal(["badges"], report.ProjectNames);
        Assert.Equal(["cards"], report.Removed);
    }

    [Fact]
    public async Task Changes_on_the_base_branch_after_this_branch_left_it_are_not_this_branchs()
    {
        await _git.RunAsync("checkout", "-q", "-b", "feature");
        _repository.Write("projects/cards/api/index.js", "exports.handler = async () => ({ statusCode: 202 });\n");
        await _git.CommitAsync("cards on the feature branch");
        await _git.RunAsync("checkout", "-q", "main");
        _repository.Write("projects/shop/api/index.js", "exports.handler = async () => ({ statusCode: 203 });\n");
        await _git.CommitAsync("shop on main");
        await _git.RunAsync("checkout", "-q", "feature");

        var report = await FindAsync("main");

        Assert.Equal(["cards"], report.ProjectNames);
    }

    [Fact]
    public async Task An_untracked_file_in_a_project_counts_and_nothing_changed_affects_nothing()
    {
        Assert.Empty((await FindAsync("HEAD")).Projects);

        _repository.Write("projects/shop/api/new.js", "module.exports = 1;\n");

        Assert.Equal(["shop"], (await FindAsync("HEAD")).ProjectNames);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000", "null commit")]
    [InlineData("no-such-branch", "names no commit in this clone")]
    [InlineData("", "no --base given")]
    public async Task A_base_that_cannot_be_compared_affects_every_project_and_says_why(string reference, string note)
    {
        var report = await FindAsync(reference);

        Assert.True(report.Everything);
        Assert.Equal(["cards", "shop"], report.ProjectNames);
        Assert.Contains(note, report.Note);
    }

    [Fact]
    public async Task The_json_is_one_line_whose_projects_is_the_matrix()
    {
        _repository.Write("projects/cards/template.yaml", ValidRepository.Template + "# a comment\n");
        await _git.CommitAsync("cards template");

        var json = (await FindAsync(_base)).ToJson();

        Assert.DoesNotContain('\n', json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["cards"], root.GetProperty("projects").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("projects/cards/template.yaml", root.GetProperty("reasons").GetProperty("cards")[0].GetString());
        Assert.False(root.GetProperty("everything").GetBoolean());
    }

    private async Task<AffectedReport> FindAsync(string reference) =>
        await AffectedProjects.FindAsync(_repository.Root, reference,
            await ConfigurationLoader.LoadAsync(_repository.Root, CancellationToken.None), CancellationToken.None);
}
