using Liftoff.Ci.Policy;
using Liftoff.Ci.Workflows;
using Liftoff.Engine;

namespace Liftoff.Components;

/// <summary>
/// <c>./build.sh CiPolicy --env prod [--project …] [--json]</c>: the least-privilege IAM policy the CI role needs to run
/// the deploy targets for the selected projects in --env, and its trust policy for GitHub Actions' OIDC, limited to
/// the repository (--github-repository, else the origin remote), the branch (--branch) and the GitHub environment.
/// Reads the configuration and the templates only; touches no AWS.
/// </summary>
public interface ICiPolicy : IHazEnvironment, IHazJson, IHazGitHub
{
    [Parameter("CiPolicy: the branch GitHub Actions deploys from (default main)")]
    string? Branch => TryGetValue(() => Branch);

    Target CiPolicy => _ => _
        .Description("Prints the CI role's least-privilege IAM policy and its OIDC trust policy for --env (--json for scripts)")
        .Requires(() => Env)
        .Executes(async ct =>
        {
            var repository = GitHubRepository ?? EnvironmentInfo.GetVariable("GITHUB_REPOSITORY") ?? await GitRemote.GitHubRepositoryAsync(RootDirectory, ct)
                ?? throw new InvalidOperationException(
                    "No GitHub repository known for the trust policy: pass --github-repository owner/name (the origin remote is not on GitHub).");
            var previewed = CiDeclarations.Of(GetType()).Previews.Any(p => p.Environment == Env);
            var report = await CiPolicyReport.CreateAsync(ProjectEnvironments, repository, Branch ?? "main", previewed, ct);
            if (Json) await StandardOutput.WriteLineAsync(report.ToJson());
            else report.Write(Console);
        });
}
