namespace Liftoff.Engine.Internal.Hosts;

/// <summary>Recognises GitHub Actions and AWS CodeBuild from the variables they document; anything else is local.</summary>
internal static class HostDetector
{
    /// <summary>The host --host names (Terminal or Local, GitHubActions, CodeBuild; case and dashes ignored), or null when unknown.</summary>
    public static BuildHost? Named(string name, IReadOnlyDictionary<string, string> environment)
    {
        var kind = Parameters.Naming.Normalize(name) switch
        {
            "terminal" or "local" => BuildHostKind.Local,
            "githubactions" => BuildHostKind.GitHubActions,
            "codebuild" or "awscodebuild" => BuildHostKind.CodeBuild,
            _ => (BuildHostKind?)null,
        };
        if (kind is null) return null;
        var detected = Detect(environment);
        return detected.Kind == kind ? detected : new BuildHost(kind.Value, null, detected.Actor);
    }

    /// <summary>The names --host accepts, as the schema lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["CodeBuild", "GitHubActions", "Terminal"];

    public static BuildHost Detect(IReadOnlyDictionary<string, string> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        if (Get("GITHUB_ACTIONS") == "true")
        {
            var server = Get("GITHUB_SERVER_URL") ?? "https://github.com";
            var url = Get("GITHUB_REPOSITORY") is { } repository && Get("GITHUB_RUN_ID") is { } run
                ? $"{server}/{repository}/actions/runs/{run}"
                : null;
            return new BuildHost(BuildHostKind.GitHubActions, url, Get("GITHUB_ACTOR")) { Commit = Get("GITHUB_SHA") };
        }

        if (Get("CODEBUILD_BUILD_ID") is { } buildId)
        {
            // CODEBUILD_BUILD_ID is "<project>:<build uuid>"; the console address is built from it and the region.
            var region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION");
            var parts = buildId.Split(':', 2);
            var url = region is not null && parts.Length == 2
                ? $"https://{region}.console.aws.amazon.com/codesuite/codebuild/projects/{parts[0]}/build/{Uri.EscapeDataString(buildId)}"
                : null;
            // CODEBUILD_RESOLVED_SOURCE_VERSION is the commit for git sources and the source revision CodePipeline hands
            // over; CODEBUILD_SOURCE_VERSION may be a branch, a pull request or an S3 object version, so it is not used.
            return new BuildHost(BuildHostKind.CodeBuild, url, Get("CODEBUILD_INITIATOR"))
                { Commit = Get("CODEBUILD_RESOLVED_SOURCE_VERSION") };
        }

        // Read from the invocation's environment, not the process's, so an in-process run sees only what it was given.
        var ci = Get("CI") is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
        return new BuildHost(BuildHostKind.Local, null, Get("USER") ?? Get("USERNAME")) { IsCi = ci };
    }
}
