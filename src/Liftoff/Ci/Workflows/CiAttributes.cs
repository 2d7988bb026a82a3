namespace Liftoff.Ci.Workflows;

/// <summary>
/// Liftoff's addition to the <c>[GitHubActions]</c> workflow named <see cref="Workflow"/>: instead of one job running
/// its targets, one job per environment in <see cref="Environments"/>, in order, each a GitHub environment with
/// one matrix leg per affected project (from <c>./build.sh Affected</c>), AWS access through OIDC with the
/// environment's ciRoleArn, and a concurrency group per project and environment.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class DeployStagesAttribute(string workflow, params string[] environments) : Attribute
{
    public string Workflow { get; } = workflow;
    public IReadOnlyList<string> Environments { get; } = environments;
}

/// <summary>
/// Liftoff's addition to the <c>[GitHubActions]</c> pull-request workflow named <see cref="Workflow"/>: after its
/// targets, <c>Deploy --dry-run</c> against <see cref="Environment"/>, whose change sets go into one comment on the
/// pull request.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class DeployPreviewAttribute(string workflow, string environment) : Attribute
{
    public string Workflow { get; } = workflow;
    public string Environment { get; } = environment;
}

/// <summary>
/// buildspec.yml for AWS CodeBuild: a batch build with one build per project (LIFTOFF_PROJECT), running
/// <c>./build.sh $BUILD_ARGUMENTS</c>, whose default is <see cref="InvokedTargets"/>; CodePipeline's actions set
/// BUILD_ARGUMENTS to the stage's targets. Reports the tests and keeps artifacts/.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CodeBuildAttribute : Attribute
{
    public string FileName { get; set; } = "buildspec.yml";
    public string[] InvokedTargets { get; set; } = [];
}
