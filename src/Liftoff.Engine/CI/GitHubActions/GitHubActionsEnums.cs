using Liftoff.Engine.Tooling;

namespace Liftoff.Engine.CI.GitHubActions;

/// <summary>GitHub-hosted runner labels; <c>image.GetValue()</c> gives the label.</summary>
public enum GitHubActionsImage
{
    [EnumValue("ubuntu-latest")] UbuntuLatest,
    [EnumValue("ubuntu-24.04")] Ubuntu2404,
    [EnumValue("ubuntu-22.04")] Ubuntu2204,
    [EnumValue("windows-latest")] WindowsLatest,
    [EnumValue("windows-2025")] WindowsServer2025,
    [EnumValue("windows-2022")] WindowsServer2022,
    [EnumValue("macos-latest")] MacOsLatest,
    [EnumValue("macos-15")] MacOs15,
    [EnumValue("macos-14")] MacOs14,
    [EnumValue("self-hosted")] SelfHosted,
}

/// <summary>Shorthand workflow triggers (<c>on: [push, pull_request]</c>).</summary>
public enum GitHubActionsTrigger
{
    [EnumValue("push")] Push,
    [EnumValue("pull_request")] PullRequest,
    [EnumValue("workflow_dispatch")] WorkflowDispatch,
}

/// <summary>Scopes of the workflow token's permissions.</summary>
public enum GitHubActionsPermissions
{
    [EnumValue("actions")] Actions,
    [EnumValue("checks")] Checks,
    [EnumValue("contents")] Contents,
    [EnumValue("deployments")] Deployments,
    [EnumValue("id-token")] IdToken,
    [EnumValue("issues")] Issues,
    [EnumValue("discussions")] Discussions,
    [EnumValue("packages")] Packages,
    [EnumValue("pages")] Pages,
    [EnumValue("pull-requests")] PullRequests,
    [EnumValue("repository-projects")] RepositoryProjects,
    [EnumValue("security-events")] SecurityEvents,
    [EnumValue("statuses")] Statuses,
}

/// <summary>actions/checkout's submodules input.</summary>
public enum GitHubActionsSubmodules
{
    [EnumValue("false")] False,
    [EnumValue("true")] True,
    [EnumValue("recursive")] Recursive,
}
