namespace Liftoff.Engine.CI.GitHubActions;

/// <summary>
/// A GitHub Actions workflow declared on the build class, in NUKE's shape:
/// <c>[GitHubActions("ci", GitHubActionsImage.UbuntuLatest, On = new[] { GitHubActionsTrigger.Push }, InvokedTargets = new[] { nameof(Test) })]</c>.
/// Data only: the engine reads <see cref="ImportSecrets"/>; CI generation reads the rest by reflection
/// (<c>typeof(Build).GetCustomAttributes&lt;GitHubActionsAttribute&gt;()</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public class GitHubActionsAttribute : ConfigurationAttributeBase
{
    public GitHubActionsAttribute(string name, GitHubActionsImage image, params GitHubActionsImage[] images)
    {
        Name = name;
        Images = [image, .. images];
    }

    /// <summary>The workflow's name and file name: .github/workflows/{Name}.yml.</summary>
    public string Name { get; }

    /// <summary>The runners: one job per image.</summary>
    public IReadOnlyList<GitHubActionsImage> Images { get; }

    public GitHubActionsTrigger[] On { get; set; } = [];
    public string[] OnPushBranches { get; set; } = [];
    public string[] OnPushBranchesIgnore { get; set; } = [];
    public string[] OnPushTags { get; set; } = [];
    public string[] OnPushTagsIgnore { get; set; } = [];
    public string[] OnPushIncludePaths { get; set; } = [];
    public string[] OnPushExcludePaths { get; set; } = [];
    public string[] OnPullRequestBranches { get; set; } = [];
    public string[] OnPullRequestTags { get; set; } = [];
    public string[] OnPullRequestIncludePaths { get; set; } = [];
    public string[] OnPullRequestExcludePaths { get; set; } = [];
    public string[] OnWorkflowDispatchOptionalInputs { get; set; } = [];
    public string[] OnWorkflowDispatchRequiredInputs { get; set; } = [];
    public string? OnCronSchedule { get; set; }

    /// <summary>Parameters the workflow passes from repository secrets, as NUGET_API_KEY for NuGetApiKey.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Export GITHUB_TOKEN to the build.</summary>
    public bool EnableGitHubToken { get; set; }

    /// <summary>Export the github context as GITHUB_CONTEXT.</summary>
    public bool EnableGitHubContext { get; set; }

    /// <summary>The targets the workflow runs: ./build.sh {targets}.</summary>
    public string[] InvokedTargets { get; set; } = [];

    public uint FetchDepth { get; set; } = 1;
    public bool Progress { get; set; } = true;
    public GitHubActionsSubmodules Submodules { get; set; }
    public bool Lfs { get; set; }

    /// <summary>Upload what the invoked targets <c>Produces(...)</c> as workflow artifacts.</summary>
    public bool PublishArtifacts { get; set; } = true;
    public string? PublishCondition { get; set; }
    public int TimeoutMinutes { get; set; }

    public string? ConcurrencyGroup { get; set; }
    public bool ConcurrencyCancelInProgress { get; set; }
    public string? JobConcurrencyGroup { get; set; }
    public bool JobConcurrencyCancelInProgress { get; set; }

    public GitHubActionsPermissions[] WritePermissions { get; set; } = [];
    public GitHubActionsPermissions[] ReadPermissions { get; set; } = [];

    public string[] CacheKeyFiles { get; set; } = ["**/global.json", "**/*.csproj", "**/Directory.Packages.props"];
    public string[] CacheIncludePatterns { get; set; } = [".nuke/temp", "~/.nuget/packages"];
    public string[] CacheExcludePatterns { get; set; } = [];

    public override IReadOnlyCollection<string> ImportedSecretNames => ImportSecrets;
}
