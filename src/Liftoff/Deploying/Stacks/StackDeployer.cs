using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Requests;
using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

/// <summary>
/// Deploys one stack through a change set: plan (create and describe the change set), show it, approve,
/// execute while streaming the stack's events, and report the outcome. A change set that changes nothing is
/// deleted and reported as "no changes"; a dry run deletes it after showing it.
/// </summary>
public sealed partial class StackDeployer(
    IAmazonCloudFormation cloudFormation,
    RequestBudget gate,
    IAnsiConsole console,
    TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The whole flow for one stack. Throws <see cref="DeployException"/> (or a subclass) when it stops.</summary>
    /// <param name="shownWithPlan">
    /// Runs after the change table is shown and before the approval question (e.g. to show the planned code rollout).
    /// </param>
    public async Task<StackDeployResult> DeployAsync(
        StackDeployment deployment, DeployOptions options, ApprovalGate approval, CancellationToken cancellationToken,
        Func<ChangeSetPlan, CancellationToken, Task>? shownWithPlan = null)
    {
        var plan = await PlanAsync(deployment, cancellationToken);
        ChangeTable.Write(console, plan);
        var settled = false;
        try
        {
            if (shownWithPlan is not null) await shownWithPlan(plan, cancellationToken);
            if (!plan.HasChanges)
            {
                settled = true;
                await DiscardAsync(plan, cancellationToken);
                if (!options.DryRun) await EnsureTerminationProtectionAsync(deployment, cancellationToken);
                return new(deployment.StackName, StackDeployOutcome.NoChanges, [], plan.ChangeSetName, null);
            }
            if (options.DryRun)
            {
                settled = true;
                await DiscardAsync(plan, cancellationToken);
                console.MarkupLine($"[grey]{Markup.Escape(deployment.StackName)}: dry run, change set deleted; nothing was changed.[/]");
                return new(deployment.StackName, StackDeployOutcome.DryRun, plan.Changes, plan.ChangeSetName, null);
            }
            if (deployment.RequiresApproval)
                await approval.EnsureApprovedAsync(deployment.StackName, deployment.Environment, cancellationToken);
            settled = true;
            return await ExecuteAsync(plan, cancellationToken);
        }
        catch (Exception) when (!settled)
        {
            // Stopped before executing (no approval, Ctrl-C, an error): leave no change set or empty stack behind.
            await DiscardAsync(plan, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Creates the change set and waits until CloudFormation has described it. Prepares the stack first:
    /// a failed first create (ROLLBACK_COMPLETE) is deleted so it can be created again.
    /// </summary>
    public async Task<ChangeSetPlan> PlanAsync(StackDeployment deployment, CancellationToken cancellationToken)
    {
        CheckTemplateSize(deployment);
        var stack = await PrepareStackAsync(deployment.StackName, cancellationToken);
        // A stack held in REVIEW_IN_PROGRESS (an earlier change set never executed) is still created with CREATE.
        var kind = stack is null || Status(stack) == StackStatuses.ReviewInProgress ? ChangeSetKind.Create : ChangeSetKind.Update;
        var name = NewChangeSetName();
        var request = new CreateChangeSetRequest
        {
            StackName = deployment.StackName,
            ChangeSetName = name,
            // Always say which: without it moto creates a second stack of the same name.
            ChangeSetType = kind == ChangeSetKind.Create ? "CREATE" : "UPDATE",
            Parameters = deployment.Template.Declared(deployment.Parameters).Select(p => new Parameter { ParameterKey = p.Key, ParameterValue = p.Value }).ToList(),
            Tags = deployment.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
            Capabilities = deployment.Capabilities.ToList(),
            Description = "Liftoff deploy",
        };
        if (deployment.Template.Url is { } url) request.TemplateURL = url;
        else request.TemplateBody = deployment.Template.Body;

        CreateChangeSetResponse created;
        try
        {
            created = await gate.SendAsync("CreateChangeSet", t => cloudFormation.CreateChangeSetAsync(request, t), cancellationToken);
        }
        catch (AmazonServiceException e) when (NoChanges.IsNoChangesReason(e.Message))
        {
            // moto (and AWS on some paths) refuses an UPDATE without changes outright: no change set exists.
            return new(deployment, kind, stack?.StackId, null, [], HasChanges: false);
        }
        catch (AmazonServiceException e) when (!Throttling.IsThrottling(e))
        {
            throw new DeployException(
                $"CloudFormation refused the change set for stack {deployment.StackName}: {e.Message} " +
                $"(template: {deployment.Template.SourcePath ?? deployment.Template.Url ?? "inline"}). Fix the template or its parameters and deploy again.", e);
        }
        return await DescribeUntilReadyAsync(deployment, kind, created.StackId ?? stack?.StackId, name, stack, cancellationToken);
    }

    /// <summary>Deletes the plan's change set, and the empty stack a CREATE change set left in REVIEW_IN_PROGRESS.</summary>
    public async Task DiscardAsync(ChangeSetPlan plan, CancellationToken cancellationToken)
    {
        if (plan.ChangeSetName is null) return;
        await gate.SendAsync("DeleteChangeSet", t => cloudFormation.DeleteChangeSetAsync(
            new DeleteChangeSetRequest { StackName = plan.StackId ?? plan.StackName, ChangeSetName = plan.ChangeSetName }, t), cancellationToken);
        if (!plan.CreatesStack) return;
        var stack = await FindStackAsync(plan.StackName, cancellationToken);
        if (stack is not null && Status(stack) == StackStatuses.ReviewInProgress)
            await gate.SendAsync("DeleteStack", t => cloudFormation.DeleteStackAsync(new DeleteStackRequest { StackName = plan.StackName }, t), cancellationToken);
    }

    /// <summary>The stack's outputs, with its resources' physical ids to fall back on (see <see cref="StackOutputValues"/>).</summary>
    public Task<StackOutputValues> ReadOutputsAsync(string stackName, CancellationToken cancellationToken) =>
        StackOutputValues.ReadAsync(cloudFormation, gate, stackName, cancellationToken);

    private static void CheckTemplateSize(StackDeployment deployment)
    {
        var template = deployment.Template;
        if (template.Url is null && !template.FitsInline)
            throw new DeployException(
                $"The template of stack {deployment.StackName} ({template.SourcePath ?? "inline"}) is {template.SizeBytes:N0} bytes, " +
                $"over CloudFormation's {StackTemplate.InlineLimitBytes:N0}-byte limit for an inline template. " +
                "Upload it to the artifact bucket and pass its URL (StackTemplate.Url), or make it smaller.");
    }

    private string NewChangeSetName() =>
        // A letter first, then letters, digits and hyphens: CloudFormation's rule for change set names.
        $"liftoff-{_time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Status(Stack stack) => stack.StackStatus?.ToString() ?? "";
}
