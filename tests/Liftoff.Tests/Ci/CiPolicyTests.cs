using System.Text.Json;
using System.Text.RegularExpressions;
using Liftoff.Ci.Policy;
using Liftoff.Configuration;
using Liftoff.Tests.Configuration;
using Liftoff.Tests.Support;

namespace Liftoff.Tests.Ci;

/// <summary>CiPolicy for the repository's own configuration: every statement follows the naming convention.</summary>
public sealed class CiPolicyTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    private const string Repository = "acme/liftoff";

    private static async Task<CiPolicyReport> ReportAsync(string env, string[]? projects = null, bool preview = false, string root = "")
    {
        var configuration = await ConfigurationLoader.LoadAsync(root.Length > 0 ? root : RepositoryFolders.Root, CancellationToken.None);
        return await CiPolicyReport.CreateAsync(configuration.Resolve(env, projects), Repository, "main", preview, CancellationToken.None);
    }

    [Theory]
    [InlineData("prod", new[] { "fraud-or-not", "media-register", "people-cards" })]
    [InlineData("staging", new[] { "people-cards" })]
    public async Task Every_statement_names_only_the_selected_projects_resources_or_says_why_it_cannot(string env, string[] selected)
    {
        var report = await ReportAsync(env, selected);
        var configuration = await ConfigurationLoader.LoadAsync(RepositoryFolders.Root, CancellationToken.None);
        var bucket = configuration.Resolve(env, selected)[0].ArtifactBucket;
        var others = configuration.ProjectNames.Except(selected).ToList();

        Assert.Empty(report.Policy.Uncovered);
        foreach (var statement in report.Policy.Policy.Statements)
        foreach (var resource in statement.Resources)
        {
            Assert.NotEqual("*", resource);
            Assert.DoesNotContain(others, o => resource.Contains(o, StringComparison.Ordinal));
            var named = selected.Any(p => NamedFor(resource, p, env, bucket));
            Assert.True(named || statement.Why is not null,
                $"{statement.Sid}: {resource} is named neither by the convention ({{project}}-{env}, the artifact bucket {bucket} and its " +
                "project prefixes) nor explained by a Why");
            if (statement.Why is not null && !named)
                Assert.Matches("IdsAssignedByAws$|^ChangeSetsNamedByLiftoff$|^SamTransform$", statement.Sid);
        }
    }

    /// <summary>{project}-{env} as a whole name segment, or the artifact bucket with one of the project's prefixes.</summary>
    private static bool NamedFor(string resource, string project, string env, string bucket)
    {
        var stack = Regex.Escape($"{project}-{env}");
        if (Regex.IsMatch(resource, $"[:/]{stack}(-|/|:|$)")) return true;
        var s3 = $"arn:aws:s3:::{bucket}";
        return resource == s3 || resource == $"{s3}/{project}/*" || resource == $"{s3}/templates/{project}/*" ||
               resource == $"{s3}/releases/{project}/{env}/*" || resource == $"{s3}/locks/{project}/{env}.json";
    }

    [Fact]
    public async Task Every_ARN_is_in_the_environments_account_and_region_where_the_service_has_them()
    {
        var report = await ReportAsync("prod");

        foreach (var resource in report.Policy.Policy.Statements.SelectMany(s => s.Resources))
        {
            var parts = resource.Split(':');
            Assert.Equal("arn", parts[0]);
            Assert.Equal("aws", parts[1]);
            if (parts[2] is "s3" or "apigateway" or "iam" or "cloudfront") continue;
            Assert.Equal("us-east-1", parts[3]);
            Assert.True(parts[4] == "333333333333" || resource.Contains(":aws:transform/"), resource);
        }
    }

    [Fact]
    public async Task The_trust_policy_admits_only_this_repository_branch_and_GitHub_environment()
    {
        var prod = JsonDocument.Parse((await ReportAsync("prod")).ToJson()).RootElement.GetProperty("trustPolicy");
        var staging = JsonDocument.Parse((await ReportAsync("staging", preview: true)).ToJson()).RootElement.GetProperty("trustPolicy");

        var statement = Assert.Single(prod.GetProperty("Statement").EnumerateArray());
        Assert.Equal("arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com",
            statement.GetProperty("Principal").GetProperty("Federated").GetString());
        Assert.Equal("sts:AssumeRoleWithWebIdentity", statement.GetProperty("Action").GetString());
        var equals = statement.GetProperty("Condition").GetProperty("StringEquals");
        Assert.Equal("sts.amazonaws.com", equals.GetProperty("token.actions.githubusercontent.com:aud").GetString());
        Assert.Equal("repo:acme/liftoff:environment:prod:ref:refs/heads/main", equals.GetProperty("token.actions.githubusercontent.com:sub").GetString());
        Assert.Equal(2, staging.GetProperty("Statement").GetArrayLength());
        Assert.Equal("repo:acme/liftoff:pull_request:ref:refs/pull/*/merge", staging.GetProperty("Statement")[1]
            .GetProperty("Condition").GetProperty("StringLike").GetProperty("token.actions.githubusercontent.com:sub").GetString());
    }

    [Fact]
    public async Task IAM_accepts_both_documents()
    {
        // moto's IAM checks a policy document's grammar as IAM does (versions, effects, actions, resources, conditions).
        var report = await ReportAsync("prod");
        var json = JsonDocument.Parse(report.ToJson()).RootElement;
        var cli = new AwsCli(moto);

        var policy = await cli.JsonAsync("iam", "create-policy", "--policy-name", $"liftoff-ci-{Guid.NewGuid():N}"[..30],
            "--policy-document", json.GetProperty("policy").GetRawText());
        var role = await cli.JsonAsync("iam", "create-role", "--role-name", $"liftoff-ci-{Guid.NewGuid():N}"[..30],
            "--assume-role-policy-document", json.GetProperty("trustPolicy").GetRawText());

        Assert.StartsWith("arn:aws:iam::", policy.GetProperty("Policy").GetProperty("Arn").GetString());
        Assert.StartsWith("arn:aws:iam::", role.GetProperty("Role").GetProperty("Arn").GetString());
    }

    [Fact]
    public async Task A_resource_type_without_a_rule_is_named_not_silently_left_out()
    {
        using var repository = ValidRepository.Create();
        repository.Write("environments.yaml", ValidRepository.Environments + "\n    ciRoleArn: arn:aws:iam::444444444444:role/ci-prod\n");
        repository.Write("projects/shop/template.yaml", ValidRepository.Template.Replace("Outputs:",
            "  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties: {ShardCount: 1}\nOutputs:"));

        var report = await ReportAsync("prod", root: repository.Root);

        Assert.Equal(["AWS::Kinesis::Stream (shop)"], report.Policy.Uncovered);
        Assert.Contains("arn:aws:lambda:eu-west-1:444444444444:function:shop-prod-lambda-*",
            report.Policy.Policy.Statements.Single(s => s.Sid == "Functions").Resources);
    }
}
