using System.Text.Json;
using System.Text.Json.Nodes;
using Liftoff.Configuration;
using Liftoff.Configuration.Validation;
using Spectre.Console;

namespace Liftoff.Ci.Policy;

/// <summary>CiPolicy's two policies for one environment, read from the configuration and the templates, as text or JSON.</summary>
public sealed record CiPolicyReport(string Environment, string? RoleArn, string Repository, string Branch, CiPolicy Policy, JsonObject TrustPolicy)
{
    /// <exception cref="InvalidOperationException">No account can be told for the environment: the message says what to add.</exception>
    public static async Task<CiPolicyReport> CreateAsync(
        IReadOnlyList<ProjectEnvironment> projects, string repository, string branch, bool previewFromPullRequests, CancellationToken cancellationToken)
    {
        var first = projects[0];
        var aws = AwsNames.For(first.Region, first.AccountId, first.CiRoleArn) ?? throw new InvalidOperationException(
            $"environments.yaml: '{first.Environment}' has neither accountId nor ciRoleArn, so no ARN can name its account. " +
            $"Add environments.{first.Environment}.ciRoleArn (the role this policy is for).");
        var selected = new List<PolicyProject>();
        foreach (var project in projects)
        {
            var errors = new List<ConfigurationError>();
            var template = await TemplateReader.ReadAsync(project.TemplatePath, project.TemplatePath, errors, cancellationToken);
            if (template is null) throw new ConfigurationException(errors);
            var text = await File.ReadAllTextAsync(project.TemplatePath, cancellationToken);
            selected.Add(new PolicyProject(project, template.Resources.Values.Select(r => r.Type).ToHashSet(StringComparer.Ordinal),
                text.Contains("AWS::Serverless", StringComparison.Ordinal)));
        }
        return new CiPolicyReport(first.Environment, first.CiRoleArn, repository, branch, CiPolicyBuilder.Build(selected, aws),
            TrustPolicyBuilder.Build(aws, repository, branch, first.Environment, previewFromPullRequests));
    }

    public string ToJson() => new JsonObject
    {
        ["environment"] = Environment,
        ["role"] = RoleArn,
        ["policy"] = Policy.Policy.ToJson(),
        ["why"] = new JsonObject(Policy.Policy.Statements.Where(s => s.Why is not null).Select(s => KeyValuePair.Create(s.Sid, (JsonNode?)s.Why))),
        ["uncovered"] = new JsonArray(Policy.Uncovered.Select(u => (JsonNode)u).ToArray()),
        ["trustPolicy"] = TrustPolicy.DeepClone(),
        ["oidcSubjectClaimKeys"] = new JsonArray(TrustPolicyBuilder.SubjectClaimKeys.Select(k => (JsonNode)k).ToArray()),
    }.ToJsonString(Indented);

    public void Write(IAnsiConsole console)
    {
        console.MarkupLine($"[bold]Permissions policy[/] for {Markup.Escape(RoleArn ?? "the CI role")} in {Markup.Escape(Environment)}:");
        console.Profile.Out.Writer.WriteLine(Policy.Policy.ToString());
        foreach (var statement in Policy.Policy.Statements.Where(s => s.Why is not null))
            console.MarkupLine($"[grey]{Markup.Escape(statement.Sid)}: {Markup.Escape(statement.Why!)}[/]");
        foreach (var type in Policy.Uncovered)
            console.MarkupLine($"[yellow]No rule for {Markup.Escape(type)}: add the permissions CloudFormation needs for it by hand.[/]");
        console.WriteLine();
        console.MarkupLine($"[bold]Trust policy[/]: GitHub Actions in {Markup.Escape(Repository)}, branch {Markup.Escape(Branch)}, environment {Markup.Escape(Environment)}:");
        console.Profile.Out.Writer.WriteLine(TrustPolicy.ToJsonString(Indented));
        console.MarkupLine(
            $"[grey]AWS checks the token's sub only: set the repository's OIDC subject claim to {string.Join(", ", TrustPolicyBuilder.SubjectClaimKeys)} " +
            $"(gh api -X PUT repos/{Markup.Escape(Repository)}/actions/oidc/customization/sub -F use_default=false " +
            string.Concat(TrustPolicyBuilder.SubjectClaimKeys.Select(k => $"-f 'include_claim_keys[]={k}' ")).TrimEnd() + ").[/]");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
