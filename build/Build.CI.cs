using Liftoff.Ci.Workflows;
using Liftoff.Components;
using Liftoff.Engine.CI.GitHubActions;

namespace Liftoff.Build;

// The CI files, declared here and written by ./build.sh GenerateCi (checked in; a test fails when they are stale).
[GitHubActions("pull-request", GitHubActionsImage.UbuntuLatest,
    On = [GitHubActionsTrigger.PullRequest],
    InvokedTargets = [nameof(ITest.Test), nameof(IPackage.Package)],
    ConcurrencyGroup = "pull-request-${{ github.event.pull_request.number }}",
    ConcurrencyCancelInProgress = true,
    TimeoutMinutes = 30)]
[DeployPreview("pull-request", "staging")]
[GitHubActions("main", GitHubActionsImage.UbuntuLatest,
    OnPushBranches = ["main"],
    InvokedTargets = [nameof(IDeploy.Deploy)],
    TimeoutMinutes = 60)]
[DeployStages("main", "dev", "staging", "prod")]
[GitHubActions("rollback", GitHubActionsImage.UbuntuLatest,
    On = [GitHubActionsTrigger.WorkflowDispatch],
    OnWorkflowDispatchRequiredInputs = ["env", "project"],
    OnWorkflowDispatchOptionalInputs = ["to"],
    InvokedTargets = [nameof(IRollback.Rollback)],
    EnableGitHubToken = true,
    TimeoutMinutes = 30)]
[CodeBuild(InvokedTargets = [nameof(ITest.Test), nameof(IPackage.Package)])]
internal sealed partial class Build;
