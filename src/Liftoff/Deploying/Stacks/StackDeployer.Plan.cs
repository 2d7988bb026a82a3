using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Requests;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    // Creating a change set takes seconds on AWS; minutes means something is wrong on their side.
    private static readonly TimeSpan ChangeSetLimit = TimeSpan.FromMinutes(15);

    private async Task<ChangeSetPlan> DescribeUntilReadyAsync(
        StackDeployment deployment, ChangeSetKind kind, string? stackId, string name, Stack? before, CancellationToken cancellationToken)
    {
        var stackRef = stackId ?? deployment.StackName;
        var backoff = PollingBackoff.ForChangeSet(_time);
        var deadline = _time.GetUtcNow() + ChangeSetLimit;
        while (true)
        {
            var described = await DescribeChangeSetAsync(stackRef, name, null, cancellationToken);
            var status = described.Status?.ToString() ?? "";
            if (status == "FAILED")
            {
                if (NoChanges.IsNoChangesReason(described.StatusReason))
                    return new(deployment, kind, stackId, name, [], HasChanges: false);
                var plan = new ChangeSetPlan(deployment, kind, stackId, name, [], HasChanges: false);
                await DiscardAsync(plan, cancellationToken);
                throw new DeployException(
                    $"The change set for stack {deployment.StackName} failed: {described.StatusReason}. " +
                    $"Fix the template ({deployment.Template.SourcePath ?? "inline"}) or its parameters and deploy again.");
            }
            if (status == "CREATE_COMPLETE")
            {
                var changes = await ReadAllChangesAsync(stackRef, name, described, cancellationToken);
                if (changes.Count > 0 || kind == ChangeSetKind.Create)
                    return new(deployment, kind, stackId, name, changes, HasChanges: true);
                return await JudgeEmptyUpdateAsync(deployment, kind, stackId, name, before!, cancellationToken);
            }
            if (_time.GetUtcNow() > deadline)
                throw new DeployException(
                    $"The change set {name} of stack {deployment.StackName} is still {status} after {ChangeSetLimit.TotalMinutes:0} minutes. " +
                    "Look at it in the CloudFormation console, delete it, and deploy again.");
            await backoff.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A completed UPDATE change set that lists no resource changes. On AWS this means only parameters or
    /// outputs change (a real change: executing it applies them); moto lists nothing for parameter-only
    /// changes too. It changes nothing only if the parameters and the template are those already deployed.
    /// </summary>
    private async Task<ChangeSetPlan> JudgeEmptyUpdateAsync(
        StackDeployment deployment, ChangeSetKind kind, string? stackId, string name, Stack before, CancellationToken cancellationToken)
    {
        var deployed = (before.Parameters ?? []).Where(p => p.ParameterKey is not null)
            .ToDictionary(p => p.ParameterKey!, p => p.ParameterValue ?? "", StringComparer.Ordinal);
        var changedParameters = deployment.Template.Declared(deployment.Parameters)
            .Where(p => !deployed.TryGetValue(p.Key, out var value) || value != p.Value)
            .Select(p => p.Key)
            .ToList();
        var template = await cloudFormation.GetTemplateAsync(
            new GetTemplateRequest { StackName = stackId ?? deployment.StackName }, cancellationToken);
        var templateChanged = Normalize(template.TemplateBody) != Normalize(deployment.Template.Body);
        if (changedParameters.Count == 0 && !templateChanged)
            return new(deployment, kind, stackId, name, [], HasChanges: false);
        var what = new List<string>();
        if (changedParameters.Count > 0) what.Add($"parameters {string.Join(", ", changedParameters)}");
        if (templateChanged) what.Add("template (outputs or metadata)");
        return new(deployment, kind, stackId, name, [], HasChanges: true, Note: $"changes {string.Join(" and ", what)}");
    }

    private static string Normalize(string? template) => (template ?? "").Replace("\r\n", "\n").Trim();

    private async Task<IReadOnlyList<StackChange>> ReadAllChangesAsync(
        string stackRef, string name, DescribeChangeSetResponse first, CancellationToken cancellationToken)
    {
        var changes = new List<StackChange>();
        var page = first;
        while (true)
        {
            foreach (var c in page.Changes ?? [])
                if (c.ResourceChange is { } r)
                    changes.Add(new(r.Action?.ToString() ?? "", r.LogicalResourceId ?? "", r.ResourceType ?? "", r.Replacement?.ToString()));
            if (string.IsNullOrEmpty(page.NextToken)) return changes;
            page = await DescribeChangeSetAsync(stackRef, name, page.NextToken, cancellationToken);
        }
    }

    private Task<DescribeChangeSetResponse> DescribeChangeSetAsync(string stackRef, string name, string? nextToken, CancellationToken cancellationToken) =>
        cloudFormation.DescribeChangeSetAsync(
            new DescribeChangeSetRequest { StackName = stackRef, ChangeSetName = name, NextToken = nextToken }, cancellationToken);
}
