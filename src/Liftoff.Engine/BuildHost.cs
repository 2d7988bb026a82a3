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
    private readonly bool _ciVariable;

    /// <summary>On a CI service: GitHub Actions, CodeBuild, or any other that sets CI=true, as most do.</summary>
    public bool IsCi
    {
        get => Kind != BuildHostKind.Local || _ciVariable;
        init => _ciVariable = value;
    }
}
