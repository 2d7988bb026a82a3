using Liftoff.Deploying.Cdn;

namespace Liftoff.Tests.Deploying.Cdn;

/// <summary>Which paths an invalidation names for what a release changed, within the limit and CloudFront's wildcard limit.</summary>
public sealed class InvalidationPathsTests
{
    private static readonly string[] Site = ["index.html", "about.html", "css/site.css", "assets/a.js", "assets/b.js", "assets/img/logo.png"];

    [Fact]
    public void Up_to_the_limit_each_changed_or_deleted_file_is_named_exactly()
    {
        var plan = InvalidationPaths.Plan(["index.html", "assets/a.js", "gone.js"], Site, limit: 15);

        Assert.Equal(["/assets/a.js", "/gone.js", "/index.html"], plan.Paths);
        Assert.False(plan.Collapsed);
    }

    [Fact]
    public void Forty_changed_files_of_one_folder_become_that_folders_wildcard()
    {
        var assets = Enumerable.Range(0, 40).Select(i => $"assets/part-{i:00}.js").ToList();

        var plan = InvalidationPaths.Plan(assets, [.. assets, "index.html", "about.html"], limit: 15);

        Assert.Equal(["/assets/*"], plan.Paths);
        Assert.Equal(40, plan.ChangedFiles);
    }

    [Fact]
    public void Over_the_limit_the_folder_that_reaches_fewest_unchanged_files_per_path_saved_is_collapsed_first()
    {
        // css/ holds only changed files; docs/ also holds many unchanged ones: its wildcard would invalidate those too.
        var css = Enumerable.Range(0, 4).Select(i => $"css/{i}.css").ToList();
        var docs = Enumerable.Range(0, 4).Select(i => $"docs/{i}.html").ToList();
        var unchangedDocs = Enumerable.Range(10, 50).Select(i => $"docs/{i}.html");

        var plan = InvalidationPaths.Plan([.. css, .. docs], [.. css, .. docs, .. unchangedDocs], limit: 5);

        Assert.Equal(["/css/*", "/docs/0.html", "/docs/1.html", "/docs/2.html", "/docs/3.html"], plan.Paths);
    }

    [Fact]
    public void A_folder_holding_unchanged_files_is_passed_over_for_a_deeper_one_holding_none()
    {
        var changed = new[] { "assets/img/a.png", "assets/img/b.png", "assets/img/c.png", "index.html" };

        var plan = InvalidationPaths.Plan(changed, [.. changed, "assets/app.js"], limit: 2);

        Assert.Equal(["/assets/img/*", "/index.html"], plan.Paths);
    }

    [Fact]
    public void Everything_changed_in_many_folders_over_a_limit_of_one_is_the_root_wildcard()
    {
        var plan = InvalidationPaths.Plan(Site, Site, limit: 1);

        Assert.Equal(["/*"], plan.Paths);
    }

    [Fact]
    public void Collapsing_keeps_within_CloudFronts_fifteen_wildcards_in_progress()
    {
        // 4 groups × 5 folders, each with 3 changed files under x/ and an unchanged readme; 100 unchanged pages at the root.
        var changed = (from g in Enumerable.Range(0, 4) from f in Enumerable.Range(0, 5) from i in Enumerable.Range(0, 3)
                       select $"g{g}/f{f}/x/{i}.js").ToList();
        var unchanged = (from g in Enumerable.Range(0, 4) from f in Enumerable.Range(0, 5) select $"g{g}/f{f}/readme.txt")
            .Concat(Enumerable.Range(0, 100).Select(i => $"page-{i}.html"));

        var plan = InvalidationPaths.Plan(changed, [.. changed, .. unchanged], limit: 22);

        // 19 x/ folders fit the limit of 22 but make 19 wildcards; then the group whose wildcard saves most, g0, is one.
        Assert.Contains("/g0/*", plan.Paths);
        Assert.Equal(InvalidationPaths.MaxWildcardsInProgress, plan.Wildcards);
        Assert.True(plan.Paths.Count <= 22, string.Join(" ", plan.Paths));
        Assert.All(changed, file => Assert.Contains(plan.Paths, p => Covers(p, file)));
    }

    [Fact]
    public void Unsafe_and_non_ASCII_characters_are_percent_encoded_and_nothing_else()
    {
        var plan = InvalidationPaths.Plan(["docs/read me.html", "img/café.png", "a-b_c.~v1.js", "why*.txt"], [], limit: 15);

        Assert.Equal(["/a-b_c.%7Ev1.js", "/docs/read%20me.html", "/img/caf%C3%A9.png", "/why%2A.txt"], plan.Paths);
    }

    private static bool Covers(string path, string file) =>
        path.EndsWith('*') ? ("/" + file).StartsWith(path[..^1], StringComparison.Ordinal) : path == "/" + file;
}
