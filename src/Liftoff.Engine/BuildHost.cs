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
    public bool IsCi => Kind != BuildHostKind.Local || Environment.GetEnvironmentVariable("CI") is "true" or "1";
}
