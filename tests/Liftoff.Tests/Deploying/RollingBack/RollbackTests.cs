using System.Text.Json;
using Liftoff.Releases;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Deploying.RollingBack;

/// <summary>
/// Rollback and InvalidateCdn as ./build.sh runs them, against moto: small projects deployed through the whole pipeline
/// (Compile, Package, Upload, Deploy, InvalidateCdn), then rolled back; the AWS CLI reads back the aliases, the site
/// bucket's files and the distribution's invalidations, and the ledger is read back as Releases shows it.
/// </summary>
public sealed class RollbackTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private static readonly Dictionary<string, string> V1Site = new()
    {
        ["index.html"] = "<h1>v1</h1>",
        ["app.js"] = "console.log('v1');",
        ["about.html"] = "<p>about</p>",
    };

    private readonly AwsCli _aws = new(fixture.Moto);
    private readonly SiteRepository _repository = fixture.Repository;

    [Fact]
    public async Task Deploy_v1_deploy_v2_then_Rollback_puts_v1_back_invalidates_what_changed_and_records_a_rollback()
    {
        var distribution = await CreateDistributionAsync();
        _repository.Project("shop", distribution, "v1", V1Site);
        await DeployAsync("shop");
        var v1 = (Alias: await AliasVersionAsync("shop"), CodeKey: await StackParameterAsync("shop-local", "ApiCodeKey"));
        _repository.Release("shop", "v2", new Dictionary<string, string>(V1Site)
        {
            ["index.html"] = "<h1>v2</h1>", ["app.js"] = "console.log('v2');", ["new.js"] = "console.log('new');",
        });
        await DeployAsync("shop");
        var v2 = (Alias: await AliasVersionAsync("shop"), CodeKey: await StackParameterAsync("shop-local", "ApiCodeKey"));

        var (exitCode, output) = await _repository.RunAsync("Rollback", "--env", "local", "--project", "shop");

        Assert.True(exitCode == 0, output);
        Assert.NotEqual(v1, v2);
        Assert.Equal(v1, (await AliasVersionAsync("shop"), await StackParameterAsync("shop-local", "ApiCodeKey")));
        Assert.Equal(Sorted(V1Site), await SiteFilesAsync("shop"));
        var page = await _aws.JsonAsync("s3api", "head-object", "--bucket", "shop-local-s3-site", "--key", "index.html");
        Assert.Equal(("text/html; charset=utf-8", "no-cache"), (page.GetProperty("ContentType").GetString(), page.GetProperty("CacheControl").GetString()));
        var invalidations = await InvalidationsAsync(distribution);
        Assert.Equal(["/app.js", "/index.html", "/new.js"], invalidations[0]);
        var releases = await ReleasesAsync("shop");
        Assert.Equal([ReleaseKind.Rollback, ReleaseKind.Deploy, ReleaseKind.Deploy], releases.Select(r => r.Kind));
        Assert.Equal(releases[2].Id, releases[0].RestoredReleaseId);
        Assert.Equal(ReleaseStatus.RolledBack, releases[1].Status);
        Assert.Equal(invalidations.Count, releases.Count(r => r.Invalidation is not null));
        var (_, table) = await _repository.RunAsync("Releases", "--env", "local", "--project", "shop");
        Assert.Contains("rollback →", table);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(table, "│ deploy ").Count);
    }

    [Fact]
    public async Task After_a_rollback_deploying_the_restored_commit_again_is_up_to_date()
    {
        var distribution = await CreateDistributionAsync();
        _repository.Project("again", distribution, "v1", V1Site);
        await DeployAsync("again");
        _repository.Release("again", "v2", new Dictionary<string, string>(V1Site) { ["index.html"] = "<h1>v2</h1>" });
        await DeployAsync("again");
        Assert.Equal(0, (await _repository.RunAsync("Rollback", "--env", "local", "--project", "again")).ExitCode);

        // The rollback put the stack back on v1's code key, so $LATEST runs v1 again and the reality check finds no drift.
        _repository.Release("again", "v1", V1Site);
        var (exitCode, output) = await _repository.RunAsync("Deploy", "--env", "local", "--project", "again");

        Assert.True(exitCode == 0, output);
        Assert.Contains("again: up to date", output);
        Assert.Equal([ReleaseKind.Rollback, ReleaseKind.Deploy, ReleaseKind.Deploy], (await ReleasesAsync("again")).Select(r => r.Kind));
    }

    [Fact]
    public async Task Rollback_to_names_a_release_and_brings_back_one_that_was_rolled_back()
    {
        _repository.Project("forth", await CreateDistributionAsync(), "v1", V1Site);
        await DeployAsync("forth");
        var v2Site = new Dictionary<string, string>(V1Site) { ["app.js"] = "console.log('v2');" };
        _repository.Release("forth", "v2", v2Site);
        await DeployAsync("forth");
        var v2 = (await ReleasesAsync("forth"))[0];
        var v2Alias = await AliasVersionAsync("forth");
        var back = await _repository.RunAsync("Rollback", "--env", "local", "--project", "forth");
        var again = await _repository.RunAsync("Rollback", "--env", "local", "--project", "forth");

        var (exitCode, output) = await _repository.RunAsync("Rollback", "--env", "local", "--project", "forth", "--to", v2.Id);

        Assert.True(back.ExitCode == 0, back.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is itself a rollback", again.Output);
        Assert.True(exitCode == 0, output);
        Assert.Equal(v2Alias, await AliasVersionAsync("forth"));
        Assert.Equal(Sorted(v2Site), await SiteFilesAsync("forth"));
        Assert.Equal(v2.Id, (await ReleasesAsync("forth"))[0].RestoredReleaseId);
    }

    [Fact]
    public async Task Only_what_a_release_replaces_is_kept_and_Rollback_puts_v1_back_byte_for_byte_then_Rollback_to_puts_v2_back()
    {
        _repository.Project("lazy", await CreateDistributionAsync(), "v1", V1Site);
        await DeployAsync("lazy");
        // A first publish sends each file once, to the site: nothing is replaced, so nothing is kept.
        Assert.Empty(await KeptSiteAsync("lazy"));
        Assert.Equal(Sorted(V1Site), await SiteFilesAsync("lazy"));
        var v2Site = new Dictionary<string, string>
        {
            ["index.html"] = "<h1>v2</h1>", ["app.js"] = "console.log('v2');", ["new.js"] = "console.log('new');",
        };
        _repository.Release("lazy", "v2", v2Site);
        await DeployAsync("lazy");
        var (v2, v1) = ((await ReleasesAsync("lazy"))[0], (await ReleasesAsync("lazy"))[1]);
        // What v2 changed (index.html, app.js) or deleted (about.html) was kept, by v1's recorded hashes.
        Assert.Equal(v1.Assets!.Files.Select(f => f.Sha256Hex).Order(StringComparer.Ordinal), await KeptSiteAsync("lazy"));

        var back = await _repository.RunAsync("Rollback", "--env", "local", "--project", "lazy");

        Assert.True(back.ExitCode == 0, back.Output);
        Assert.Equal(Sorted(V1Site), await SiteFilesAsync("lazy"));
        Assert.Equal(HeadersOf(v1), await SiteHeadersAsync("lazy"));
        var (exitCode, output) = await _repository.RunAsync("Rollback", "--env", "local", "--project", "lazy", "--to", v2.Id);
        Assert.True(exitCode == 0, output);
        Assert.Equal(Sorted(v2Site), await SiteFilesAsync("lazy"));
        Assert.Equal(HeadersOf(v2), await SiteHeadersAsync("lazy"));
        Assert.DoesNotContain("not kept", back.Output + output);
    }

    [Fact]
    public async Task A_site_file_changed_outside_Liftoff_is_not_kept_the_deploy_says_so_and_a_rollback_to_it_stops_changing_nothing()
    {
        _repository.Project("drift", await CreateDistributionAsync(), "v1", V1Site);
        await DeployAsync("drift");
        var outside = Path.Combine(_repository.Root, "outside.txt");
        await File.WriteAllTextAsync(outside, "edited by hand");
        // One with a SHA-256 checksum S3 keeps (read from a HEAD), one without (read and hashed).
        await _aws.RunAsync("s3api", "put-object", "--bucket", "drift-local-s3-site", "--key", "app.js", "--body", outside, "--checksum-algorithm", "SHA256");
        await _aws.RunAsync("s3", "cp", outside, "s3://drift-local-s3-site/about.html");
        var v2Site = new Dictionary<string, string> { ["index.html"] = "<h1>v2</h1>", ["app.js"] = "console.log('v2');" };
        _repository.Release("drift", "v2", v2Site);

        var deploy = await _repository.RunAsync("Deploy", "--env", "local", "--project", "drift");

        Assert.True(deploy.ExitCode == 0, deploy.Output);
        Assert.Contains("2 file(s) of the live release were not kept for Rollback", deploy.Output);
        Assert.Contains("about.html holds other content than the release recorded", deploy.Output);
        Assert.Contains("app.js holds other content than the release recorded", deploy.Output);
        var v1 = (await ReleasesAsync("drift"))[1];
        Assert.Equal([v1.Assets!.Files.Single(f => f.Path == "index.html").Sha256Hex], await KeptSiteAsync("drift"));
        Assert.Equal(Sorted(v2Site), await SiteFilesAsync("drift"));
        var releases = (await ReleasesAsync("drift")).Count;

        var (exitCode, output) = await _repository.RunAsync("Rollback", "--env", "local", "--project", "drift");

        Assert.Equal(1, exitCode);
        Assert.Contains($"2 front-end file(s) of release {v1.Id} were not kept for Rollback (about.html, app.js)", output);
        Assert.Contains("Nothing was changed", output);
        Assert.Equal(Sorted(v2Site), await SiteFilesAsync("drift"));
        Assert.Equal(releases, (await ReleasesAsync("drift")).Count);
    }

    [Fact]
    public async Task A_front_end_change_of_two_files_invalidates_exactly_those_two_paths()
    {
        var distribution = await CreateDistributionAsync();
        _repository.Project("docs", distribution, "v1", V1Site);
        await DeployAsync("docs");
        _repository.Release("docs", "v1", new Dictionary<string, string>(V1Site) { ["index.html"] = "<h1>v2</h1>", ["about.html"] = "<p>v2</p>" });

        var (exitCode, output) = await _repository.RunAsync("Deploy", "--env", "local", "--project", "docs");

        Assert.True(exitCode == 0, output);
        var invalidations = await InvalidationsAsync(distribution);
        Assert.Equal(["/about.html", "/index.html"], invalidations[0]);
        Assert.Equal(invalidations.Count, (await ReleasesAsync("docs")).Count(r => r.Invalidation is not null));
    }

    [Fact]
    public async Task A_change_of_forty_files_in_one_folder_invalidates_that_folders_wildcard()
    {
        var distribution = await CreateDistributionAsync();
        var site = Enumerable.Range(0, 40).ToDictionary(i => $"assets/part-{i:00}.js", i => $"// part {i}, v1");
        site["index.html"] = "<h1>parts</h1>";
        _repository.Project("parts", distribution, "v1", site);
        await DeployAsync("parts");
        _repository.Release("parts", "v1", site.ToDictionary(f => f.Key, f => f.Key.StartsWith("assets/") ? f.Value.Replace("v1", "v2") : f.Value));

        var (exitCode, output) = await _repository.RunAsync("Deploy", "--env", "local", "--project", "parts");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["/assets/*"], (await InvalidationsAsync(distribution))[0]);
    }

    [Fact]
    public async Task Rollback_dry_run_shows_what_would_change_and_changes_nothing()
    {
        var distribution = await CreateDistributionAsync();
        _repository.Project("blog", distribution, "v1", V1Site);
        await DeployAsync("blog");
        var v2Site = new Dictionary<string, string>(V1Site) { ["index.html"] = "<h1>v2</h1>" };
        _repository.Release("blog", "v2", v2Site);
        await DeployAsync("blog");
        var before = (Alias: await AliasVersionAsync("blog"), Releases: (await ReleasesAsync("blog")).Count,
            Invalidations: (await InvalidationsAsync(distribution)).Count, ChangeSets: await ChangeSetsAsync("blog-local"));

        var (exitCode, output) = await _repository.RunAsync("Rollback", "--env", "local", "--project", "blog", "--dry-run");

        Assert.True(exitCode == 0, output);
        Assert.Contains("dry run; nothing was changed", output);
        Assert.Contains("invalidate /index.html", output);
        Assert.Equal(before, (await AliasVersionAsync("blog"), (await ReleasesAsync("blog")).Count,
            (await InvalidationsAsync(distribution)).Count, await ChangeSetsAsync("blog-local")));
        Assert.Equal(Sorted(v2Site), await SiteFilesAsync("blog"));
    }

    [Fact]
    public async Task Rollback_without_an_earlier_release_or_to_an_unknown_or_foreign_id_fails_and_changes_nothing()
    {
        _repository.Project("lonely", await CreateDistributionAsync(), "v1", V1Site).Project("other", await CreateDistributionAsync(), "v1", V1Site);
        await DeployAsync("lonely", "other");
        var foreign = (await ReleasesAsync("other"))[0].Id;
        var before = (Alias: await AliasVersionAsync("lonely"), Releases: (await ReleasesAsync("lonely")).Count);

        var none = await _repository.RunAsync("Rollback", "--env", "local", "--project", "lonely");
        var unknown = await _repository.RunAsync("Rollback", "--env", "local", "--project", "lonely", "--to", "20200101T000000Z-abcdef");
        var others = await _repository.RunAsync("Rollback", "--env", "local", "--project", "lonely", "--to", foreign);

        Assert.Equal(1, none.ExitCode);
        Assert.Contains("has no successful release before the live one", none.Output);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no release 20200101T000000Z-abcdef of lonely in local", unknown.Output);
        Assert.Equal(1, others.ExitCode);
        Assert.Contains($"Release {foreign} is a release of other in local, not of lonely in local", others.Output);
        Assert.Equal(before, (await AliasVersionAsync("lonely"), (await ReleasesAsync("lonely")).Count));
        Assert.Equal(Sorted(V1Site), await SiteFilesAsync("lonely"));
        var locks = await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", _repository.Bucket, "--prefix", "locks/");
        Assert.False(locks.TryGetProperty("Contents", out _), "a rollback that failed left its lock behind");
    }

    [Fact]
    public async Task A_canary_alarm_during_Deploy_takes_the_rollback_path_and_the_ledger_says_so()
    {
        _repository.Project("canary", await CreateDistributionAsync(), "v1", V1Site, """
            rollout: { strategy: canary, percent: 10, intervalMinutes: 5 }
            alarms: [canary-local-errors]
            """);
        await DeployAsync("canary");
        var v1 = (Alias: await AliasVersionAsync("canary"), CodeKey: await StackParameterAsync("canary-local", "ApiCodeKey"));
        await _aws.RunAsync("cloudwatch", "put-metric-alarm", "--alarm-name", "canary-local-errors", "--metric-name", "Errors",
            "--namespace", "AWS/Lambda", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
            "--threshold", "1", "--comparison-operator", "GreaterThanOrEqualToThreshold");
        await _aws.RunAsync("cloudwatch", "set-alarm-state", "--alarm-name", "canary-local-errors", "--state-value", "ALARM",
            "--state-reason", "errors on the new version");
        _repository.Release("canary", "v2", new Dictionary<string, string>(V1Site) { ["index.html"] = "<h1>v2</h1>" });

        var (exitCode, output) = await _repository.RunAsync("Deploy", "--env", "local", "--project", "canary");

        Assert.True(exitCode == 1, output);
        Assert.Contains("canary-local-errors is in ALARM", output);
        Assert.Equal(v1, (await AliasVersionAsync("canary"), await StackParameterAsync("canary-local", "ApiCodeKey")));
        Assert.Equal(Sorted(V1Site), await SiteFilesAsync("canary"));
        var releases = await ReleasesAsync("canary");
        Assert.Equal([(ReleaseKind.Rollback, ReleaseStatus.Succeeded), (ReleaseKind.Deploy, ReleaseStatus.RolledBack), (ReleaseKind.Deploy, ReleaseStatus.Succeeded)],
            releases.Select(r => (r.Kind, r.Status)));
        Assert.Equal(releases[2].Id, releases[0].RestoredReleaseId);
        Assert.Contains("canary-local-errors", releases[1].Error);
    }

    [Fact]
    public async Task Rollback_to_a_release_whose_template_was_not_kept_says_what_to_do_and_changes_nothing()
    {
        _repository.Project("legacy", await CreateDistributionAsync(), "v1", V1Site);
        await DeployAsync("legacy");
        var v1 = (await ReleasesAsync("legacy"))[0];
        // A record from before templates were kept: its template is nowhere in the bucket.
        await _aws.RunAsync("s3api", "delete-object", "--bucket", _repository.Bucket, "--key", $"kept/templates/legacy/{v1.TemplateSha256}.yaml");
        _repository.ChangeTemplate("legacy", "Description: legacy v2");
        _repository.Release("legacy", "v2", V1Site);
        await DeployAsync("legacy");
        var before = (Alias: await AliasVersionAsync("legacy"), Releases: (await ReleasesAsync("legacy")).Count, ChangeSets: await ChangeSetsAsync("legacy-local"));

        var (exitCode, output) = await _repository.RunAsync("Rollback", "--env", "local", "--project", "legacy");

        Assert.Equal(1, exitCode);
        Assert.Contains($"The template of release {v1.Id}", output);
        Assert.Contains("was not kept", output);
        Assert.Contains("Deploy that release's commit instead", output);
        Assert.Equal(before, (await AliasVersionAsync("legacy"), (await ReleasesAsync("legacy")).Count, await ChangeSetsAsync("legacy-local")));
    }

    private async Task<string?> StackParameterAsync(string stack, string name) =>
        (await _aws.JsonAsync("cloudformation", "describe-stacks", "--stack-name", stack)).GetProperty("Stacks")[0].GetProperty("Parameters")
        .EnumerateArray().Where(p => p.GetProperty("ParameterKey").GetString() == name).Select(p => p.GetProperty("ParameterValue").GetString()).Single();

    private async Task DeployAsync(params string[] projects)
    {
        var (exitCode, output) = await _repository.RunAsync(["Deploy", "--env", "local", "--project", .. projects]);
        Assert.True(exitCode == 0, output);
    }

    private async Task<string> CreateDistributionAsync() =>
        (await _aws.JsonAsync("cloudfront", "create-distribution", "--origin-domain-name", "site.s3.amazonaws.com"))
        .GetProperty("Distribution").GetProperty("Id").GetString()!;

    /// <summary>The stack's change sets with their execution status (moto keeps executed ones listed; a dry run's must be gone).</summary>
    private async Task<string> ChangeSetsAsync(string stack) => string.Join(", ",
        (await _aws.JsonAsync("cloudformation", "list-change-sets", "--stack-name", stack)).GetProperty("Summaries").EnumerateArray()
        .Select(c => $"{c.GetProperty("ChangeSetName").GetString()}:{c.GetProperty("ExecutionStatus").GetString()}").Order(StringComparer.Ordinal));

    private async Task<string> AliasVersionAsync(string project) =>
        (await _aws.JsonAsync("lambda", "get-alias", "--function-name", $"{project}-local-lambda-api", "--name", "live"))
        .GetProperty("FunctionVersion").GetString()!;

    /// <summary>Every file of the project's site bucket with its content, as the AWS CLI reads them.</summary>
    private async Task<List<KeyValuePair<string, string>>> SiteFilesAsync(string project)
    {
        var bucket = $"{project}-local-s3-site";
        var files = new Dictionary<string, string>();
        var listing = await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", bucket);
        foreach (var key in listing.GetProperty("Contents").EnumerateArray().Select(o => o.GetProperty("Key").GetString()!))
        {
            var copy = Path.Combine(_repository.Root, "read-back");
            await _aws.RunAsync("s3api", "get-object", "--bucket", bucket, "--key", key, copy);
            files[key] = await File.ReadAllTextAsync(copy);
        }
        return Sorted(files);
    }

    /// <summary>The content hashes kept for Rollback of the project's site files, as the AWS CLI lists them.</summary>
    private async Task<List<string>> KeptSiteAsync(string project)
    {
        var prefix = $"kept/site/{project}/";
        var listing = await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", _repository.Bucket, "--prefix", prefix);
        return listing.ValueKind == JsonValueKind.Object && listing.TryGetProperty("Contents", out var contents)
            ? contents.EnumerateArray().Select(o => o.GetProperty("Key").GetString()![prefix.Length..]).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Every file of the site bucket with its content type and cache headers, as the AWS CLI reads them.</summary>
    private async Task<List<string>> SiteHeadersAsync(string project)
    {
        var bucket = $"{project}-local-s3-site";
        var headers = new List<string>();
        foreach (var key in (await _aws.JsonAsync("s3api", "list-objects-v2", "--bucket", bucket)).GetProperty("Contents").EnumerateArray()
                     .Select(o => o.GetProperty("Key").GetString()!).Order(StringComparer.Ordinal))
        {
            var head = await _aws.JsonAsync("s3api", "head-object", "--bucket", bucket, "--key", key);
            headers.Add($"{key} {head.GetProperty("ContentType").GetString()} {head.GetProperty("CacheControl").GetString()}");
        }
        return headers;
    }

    private static List<string> HeadersOf(Release release) =>
        release.Assets!.Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{f.Path} {f.ContentType} {f.CacheControl}").ToList();

    private static List<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> files) =>
        files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();

    /// <summary>The paths of each invalidation of the distribution, newest first, as the AWS CLI reads them.</summary>
    private async Task<List<List<string>>> InvalidationsAsync(string distribution)
    {
        var list = (await _aws.JsonAsync("cloudfront", "list-invalidations", "--distribution-id", distribution)).GetProperty("InvalidationList");
        var invalidations = new List<(DateTime Created, List<string> Paths)>();
        foreach (var item in list.TryGetProperty("Items", out var items) ? items.EnumerateArray() : default(JsonElement.ArrayEnumerator))
        {
            var batch = (await _aws.JsonAsync("cloudfront", "get-invalidation", "--distribution-id", distribution, "--id", item.GetProperty("Id").GetString()!))
                .GetProperty("Invalidation");
            invalidations.Add((batch.GetProperty("CreateTime").GetDateTime(),
                batch.GetProperty("InvalidationBatch").GetProperty("Paths").GetProperty("Items").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal).ToList()));
        }
        return invalidations.OrderByDescending(i => i.Created).Select(i => i.Paths).ToList();
    }

    private async Task<IReadOnlyList<Release>> ReleasesAsync(string project)
    {
        using var s3 = MotoS3.Client(fixture.Moto);
        return await new ReleaseLedger(s3, _repository.Bucket).ListAsync(project, "local", 20, CancellationToken.None);
    }
}
