namespace Liftoff.Engine;

public enum BuildHostKind
{
    Local,
    GitHubActions,
    CodeBuild,
}

/// <summary>Where the build runs, and the address of this run when a CI service has one.</summary>
public sealed record BuildHost(BuildHostKind Kind, string? RunUrl, string? Actor)
{
    /// <summary>
    /// The commit the CI service says this run builds (GITHUB_SHA, CODEBUILD_RESOLVED_SOURCE_VERSION), or null.
    /// CodeBuild behind CodePipeline gets the source as a zip without .git, so this is the only record of it there.
    /// </summary>
    public string? Commit { get; init; }

    private readonly bool _ciVariable;

    /// <summary>On a CI service: GitHub Actions, CodeBuild, or any other that sets CI=true, as most do.</summary>
    public bool IsCi
    {
        get => Kind != BuildHostKind.Local || _ciVariable;
        init => _ciVariable = value;
    }
}
