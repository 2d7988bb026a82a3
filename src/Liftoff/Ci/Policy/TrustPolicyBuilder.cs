using System.Text.Json.Nodes;

namespace Liftoff.Ci.Policy;

/// <summary>
/// The CI role's trust policy: GitHub Actions' OIDC provider may assume it only for this repository, this branch and
/// this GitHub environment (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services).
/// AWS can condition on the token's sub (and aud) only, so the repository's subject claim must carry the ref as well
/// as the environment: <see cref="SubjectClaimKeys"/> is what to set with GitHub's "set the customization template for
/// an OIDC subject claim for a repository" API.
/// </summary>
public static class TrustPolicyBuilder
{
    public const string Provider = "token.actions.githubusercontent.com";

    /// <summary>The claims the repository's OIDC subject must be made of: repo, context (the environment) and ref.</summary>
    public static readonly IReadOnlyList<string> SubjectClaimKeys = ["repo", "context", "ref"];

    /// <param name="previewFromPullRequests">The environment is the pull requests' deploy preview target: their jobs, which run in no GitHub environment, may assume it too.</param>
    public static JsonObject Build(AwsNames aws, string repository, string branch, string environment, bool previewFromPullRequests)
    {
        var condition = new JsonObject
        {
            ["StringEquals"] = new JsonObject
            {
                [$"{Provider}:aud"] = "sts.amazonaws.com",
                [$"{Provider}:sub"] = $"repo:{repository}:environment:{environment}:ref:refs/heads/{branch}",
            },
        };
        var statements = new JsonArray
        {
            Statement("GitHubActionsDeploysFromBranchInEnvironment", aws, condition),
        };
        if (previewFromPullRequests)
            statements.Add(Statement("GitHubActionsPullRequestPreview", aws, new JsonObject
            {
                ["StringEquals"] = new JsonObject { [$"{Provider}:aud"] = "sts.amazonaws.com" },
                ["StringLike"] = new JsonObject { [$"{Provider}:sub"] = $"repo:{repository}:pull_request:ref:refs/pull/*/merge" },
            }));
        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
    }

    private static JsonObject Statement(string sid, AwsNames aws, JsonObject condition) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Federated"] = $"arn:{aws.Partition}:iam::{aws.Account}:oidc-provider/{Provider}" },
        ["Action"] = "sts:AssumeRoleWithWebIdentity",
        ["Condition"] = condition,
    };
}
