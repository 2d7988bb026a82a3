using System.Text.Json;
using CliWrap;
using Liftoff.Engine;
using Liftoff.Releases;
using Spectre.Console;

namespace Liftoff.Tests.Releases;

public sealed class ReleaseOutputTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Json_output_is_one_valid_array_with_readable_enum_values()
    {
        var writer = new StringWriter();

        await ReleaseJson.WriteAsync(writer, [Sample(), Sample() with { Status = ReleaseStatus.RolledBack }], CancellationToken.None);

        var array = JsonDocument.Parse(writer.ToString()).RootElement;
        Assert.Equal(2, array.GetArrayLength());
        Assert.Equal("succeeded", array[0].GetProperty("status").GetString());
        Assert.Equal("rolled-back", array[1].GetProperty("status").GetString());
        Assert.Equal("rollback", array[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void A_record_reads_back_equal_to_what_was_written()
    {
        var release = Sample();

        var back = ReleaseJson.Deserialize(ReleaseJson.Serialize(release));

        Assert.Equal(release.Id, back.Id);
        Assert.Equal(release.FunctionVersions, back.FunctionVersions);
        Assert.Equal(release.Assets!.Files, back.Assets!.Files);
        Assert.Equal(release.Duration, back.Duration);
    }

    [Fact]
    public void A_record_keeps_its_smoke_test_and_a_record_from_before_smoke_tests_reads_without_one()
    {
        var checkedRelease = Sample() with
        {
            SmokeTest = new ReleaseSmokeTest(false, Start, Start.AddSeconds(3),
                [new ReleaseSmokeCheck("health", "http", false, 2, 41, 502, "status 502, expected 200", "{\"message\": \"Internal server error\"}")]),
        };
        // A record written before SmokeTest existed has no smokeTest key, as an unchecked release's has none.
        var older = ReleaseJson.Serialize(Sample());

        var back = ReleaseJson.Deserialize(ReleaseJson.Serialize(checkedRelease));
        var old = ReleaseJson.Deserialize(older);

        var check = Assert.Single(back.SmokeTest!.Checks);
        Assert.Equal(("health", 502, 2, "status 502, expected 200"), (check.Name, check.Status, check.Attempts, check.Failure));
        Assert.Contains("Internal server error", check.Response);
        Assert.False(JsonDocument.Parse(older).RootElement.TryGetProperty("smokeTest", out _));
        Assert.Null(old.SmokeTest);
        Assert.Equal(Sample().Id, old.Id);
    }

    [Fact]
    public void The_table_shows_what_a_release_manager_asks_first()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 250;

        console.Write(ReleaseTable.Render("people", "prod", [Sample(), Sample() with { Id = "20261123T090000Z-000001", Kind = ReleaseKind.Deploy, Status = ReleaseStatus.Failed, Error = "UPDATE_ROLLBACK_COMPLETE", RestoredReleaseId = null }]));

        var text = output.ToString();
        Assert.Contains("20261123T103000Z-abcdef", text);
        Assert.Contains("rollback → 20261122T080000Z-123456", text);
        Assert.Contains("failed", text);
        Assert.Contains("UPDATE_ROLLBACK_COMPLETE", text);
        Assert.Contains("0123456*", text);
        Assert.Contains("api:7 worker:3", text);
        Assert.Contains("ci-bot (github-actions)", text);
        Assert.Contains("2026-11-23 10:30:00", text);
    }

    [Fact]
    public void Release_ids_sort_by_time_as_strings()
    {
        var earlier = ReleaseId.New(Start);
        var later = ReleaseId.New(Start.AddSeconds(1));

        Assert.True(string.CompareOrdinal(earlier, later) < 0);
        Assert.Matches("^20261123T103000Z-[0-9a-f]{6}$", earlier);
        Assert.True(ReleaseId.TryGetTime(earlier, out var time));
        Assert.Equal(Start, time);
    }

    [Fact]
    public void In_CI_the_actor_is_the_CI_actor_with_a_link_to_the_run()
    {
        var actor = ReleaseActor.For(new BuildHost(BuildHostKind.GitHubActions, "https://github.com/acme/liftoff/actions/runs/987", "octocat"));

        Assert.Equal("octocat", actor.User);
        Assert.Equal("github-actions", actor.CiProvider);
        Assert.Equal("https://github.com/acme/liftoff/actions/runs/987", actor.CiRunUrl);
        Assert.Equal("octocat (github-actions)", actor.Display);
    }

    [Fact]
    public void On_a_laptop_the_actor_is_the_user_on_the_host()
    {
        var actor = ReleaseActor.For(new BuildHost(BuildHostKind.Local, null, "alice"));

        Assert.Equal("alice@" + Environment.MachineName, actor.Display);
        Assert.Null(actor.CiRunUrl);
        Assert.Equal(Environment.ProcessId, actor.ProcessId);
    }

    [Fact]
    public async Task The_git_revision_is_read_from_the_checkout()
    {
        var repo = Directory.CreateTempSubdirectory("liftoff-git-");
        try
        {
            await GitAsync(repo.FullName, "init", "-q", "-b", "release/1.2");
            await File.WriteAllTextAsync(Path.Combine(repo.FullName, "a.txt"), "one");
            await GitAsync(repo.FullName, "add", "a.txt");
            await GitAsync(repo.FullName, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");

            var clean = await GitRevision.ReadAsync(repo.FullName, CancellationToken.None, _ => null);
            await File.WriteAllTextAsync(Path.Combine(repo.FullName, "a.txt"), "two");
            var dirty = await GitRevision.ReadAsync(repo.FullName, CancellationToken.None, _ => null);

            Assert.Matches("^[0-9a-f]{40}$", clean!.Commit);
            Assert.Equal("release/1.2", clean.Branch);
            Assert.False(clean.Dirty);
            Assert.True(dirty!.Dirty);
        }
        finally
        {
            repo.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_untracked_file_under_the_project_makes_its_release_dirty_and_nowhere_else()
    {
        var repo = Directory.CreateTempSubdirectory("liftoff-git-");
        try
        {
            await GitAsync(repo.FullName, "init", "-q");
            Directory.CreateDirectory(Path.Combine(repo.FullName, "projects", "shop"));
            await File.WriteAllTextAsync(Path.Combine(repo.FullName, "projects", "shop", "project.yaml"), "template: template.yaml\n");
            await File.WriteAllTextAsync(Path.Combine(repo.FullName, ".gitignore"), "*.log\n");
            await GitAsync(repo.FullName, "add", ".");
            await GitAsync(repo.FullName, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
            // A new project never committed, an ignored log in the committed one, a scratch file at the root.
            Directory.CreateDirectory(Path.Combine(repo.FullName, "projects", "new-one", "src"));
            await File.WriteAllTextAsync(Path.Combine(repo.FullName, "projects", "new-one", "src", "index.js"), "exports.handler = 1;\n");
            await File.WriteAllTextAsync(Path.Combine(repo.FullName, "projects", "shop", "build.log"), "log\n");
            await File.WriteAllTextAsync(Path.Combine(repo.FullName, "notes.txt"), "todo\n");

            var revision = (await GitRevision.ReadAsync(repo.FullName, CancellationToken.None, _ => null))!;

            Assert.False(revision.Dirty);
            Assert.True(revision.ForProject("projects/new-one").Dirty);
            Assert.False(revision.ForProject("projects/shop").Dirty);
            Assert.False(revision.ForProject("projects/new").Dirty);
            Assert.DoesNotContain("untracked", System.Text.Encoding.UTF8.GetString(ReleaseJson.Serialize(Sample() with { Git = revision })),
                StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            repo.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Outside_a_repository_there_is_no_revision()
    {
        var folder = Directory.CreateTempSubdirectory("liftoff-nogit-");
        try
        {
            Assert.Null(await GitRevision.ReadAsync(folder.FullName, CancellationToken.None, _ => null));
        }
        finally
        {
            folder.Delete();
        }
    }

    private static Task GitAsync(string directory, params string[] arguments) =>
        Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(directory).ExecuteAsync();

    private static Release Sample() => new()
    {
        Id = "20261123T103000Z-abcdef",
        Kind = ReleaseKind.Rollback,
        Project = "people",
        Environment = "prod",
        Status = ReleaseStatus.Succeeded,
        Git = new GitRevision("0123456789abcdef0123456789abcdef01234567", "main", Dirty: true),
        Actor = new ReleaseActor("ci-bot", "runner-1", 77, "github-actions", "https://github.com/acme/liftoff/actions/runs/1"),
        FunctionVersions = new Dictionary<string, string> { ["worker"] = "3", ["api"] = "7" },
        Assets = new ReleaseAssets(new string('m', 64), [new ReleaseAsset("index.html", new string('i', 64), 120, "text/html", "no-cache")]),
        RestoredReleaseId = "20261122T080000Z-123456",
        StartedAt = Start,
        FinishedAt = Start.AddSeconds(12.5),
    };
}
