using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

/// <summary>
/// Deploys one stack through a change set, in the phases <see cref="ProjectDeployer"/> runs: plan (create and
/// describe the change set, the stack prepared first), show it, then execute it while streaming the stack's
/// events, or discard it. Whether a person must approve is the project deployer's decision, not this one's.
/// </summary>
public sealed partial class StackDeployer(
    IAmazonCloudFormation cloudFormation,
    IAnsiConsole console,
    TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How the plan looks on the console: the change table, or "no changes".</summary>
    public void Show(ChangeSetPlan plan) => ChangeTable.Write(console, plan);

    /// <summary>
    /// Ends a shown (and, where needed, approved) plan: without changes, its change set is deleted ("no changes";
    /// termination protection still ensured); in a dry run, deleted after it was shown; otherwise executed.
    /// </summary>
    public async Task<StackDeployResult> ExecuteOrDiscardAsync(ChangeSetPlan plan, bool dryRun, CancellationToken cancellationToken)
    {
        if (!plan.HasChanges)
        {
            await DiscardAsync(plan, cancellationToken);
            if (!dryRun) await EnsureTerminationProtectionAsync(plan.Deployment, cancellationToken);
            return new(plan.StackName, StackDeployOutcome.NoChanges, [], plan.ChangeSetName, null);
        }
        if (dryRun)
        {
            await DiscardAsync(plan, cancellationToken);
            console.MarkupLine($"[grey]{Markup.Escape(plan.StackName)}: dry run, change set deleted; nothing was changed.[/]");
            return new(plan.StackName, StackDeployOutcome.DryRun, plan.Changes, plan.ChangeSetName, null);
        }
        return await ExecuteAsync(plan, cancellationToken);
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
            created = await cloudFormation.CreateChangeSetAsync(request, cancellationToken);
        }
        catch (AmazonServiceException e) when (NoChanges.IsNoChangesReason(e.Message))
        {
            // moto (and AWS on some paths) refuses an UPDATE without changes outright: no change set exists.
            return new(deployment, kind, stack?.StackId, null, [], HasChanges: false);
        }
        catch (AmazonServiceException e)
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
        await cloudFormation.DeleteChangeSetAsync(
            new DeleteChangeSetRequest { StackName = plan.StackId ?? plan.StackName, ChangeSetName = plan.ChangeSetName }, cancellationToken);
        if (!plan.CreatesStack) return;
        var stack = await FindStackAsync(plan.StackName, cancellationToken);
        if (stack is not null && Status(stack) == StackStatuses.ReviewInProgress)
            await cloudFormation.DeleteStackAsync(new DeleteStackRequest { StackName = plan.StackName }, cancellationToken);
    }

    /// <summary>The stack's outputs, with its resources' physical ids to fall back on (see <see cref="StackOutputValues"/>).</summary>
    public Task<StackOutputValues> ReadOutputsAsync(string stackName, CancellationToken cancellationToken) =>
        StackOutputValues.ReadAsync(cloudFormation, stackName, cancellationToken);

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
