using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Aws.Requests;
using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    /// <summary>Executes the plan's change set, streams the stack's events until it settles, and reports the outcome.</summary>
    public async Task<StackDeployResult> ExecuteAsync(ChangeSetPlan plan, CancellationToken cancellationToken)
    {
        if (plan.ChangeSetName is null || !plan.HasChanges)
            throw new InvalidOperationException($"The plan for {plan.StackName} has no change set to execute.");
        var stackRef = plan.StackId ?? plan.StackName;
        var events = new StackEventStream(cloudFormation, stackRef);
        await events.SkipExistingAsync(cancellationToken);
        await cloudFormation.ExecuteChangeSetAsync(
            new ExecuteChangeSetRequest { StackName = stackRef, ChangeSetName = plan.ChangeSetName }, cancellationToken);

        var final = await FollowAsync(plan.StackName, stackRef, events, cancellationToken);
        var status = Status(final);
        if (StackStatuses.IsSuccess(status))
        {
            console.MarkupLine($"[green]{Markup.Escape(plan.StackName)}: {status}[/]");
            await EnsureTerminationProtectionAsync(plan.Deployment, cancellationToken);
            var outcome = plan.CreatesStack ? StackDeployOutcome.Created : StackDeployOutcome.Updated;
            return new(plan.StackName, outcome, plan.Changes, plan.ChangeSetName, status);
        }
        throw Failure(plan.StackName, final, events.FirstFailure());
    }

    /// <summary>Prints new events as they come until the stack is no longer in progress.</summary>
    private async Task<Stack> FollowAsync(string stackName, string stackRef, StackEventStream events, CancellationToken cancellationToken)
    {
        var backoff = PollingBackoff.ForStackEvents(_time);
        while (true)
        {
            var fresh = await events.ReadNewAsync(cancellationToken);
            foreach (var e in fresh) ChangeTable.WriteEvent(console, stackName, e);
            var stack = await FindStackAsync(stackRef, cancellationToken)
                ?? throw new DeployException($"Stack {stackName} disappeared while its change set was executing.");
            if (!StackStatuses.IsInProgress(Status(stack)))
            {
                // Events written in the same instant as the final status arrive on the next read.
                foreach (var e in await events.ReadNewAsync(cancellationToken)) ChangeTable.WriteEvent(console, stackName, e);
                return stack;
            }
            if (fresh.Count > 0) backoff.Reset();
            await backoff.WaitAsync(cancellationToken);
        }
    }

    private StackDeployException Failure(string stackName, Stack final, StackEventRecord? first)
    {
        var status = Status(final);
        if (first is not null)
            console.MarkupLine(
                $"[red]First failure: {Markup.Escape(first.LogicalId)} ({Markup.Escape(first.ResourceType)}) {Markup.Escape(first.Status)}: " +
                $"{Markup.Escape(first.Reason ?? "no reason given")}[/]");
        console.MarkupLine($"[red]{Markup.Escape(stackName)} ended {Markup.Escape(status)}{Markup.Escape(Reason(final))}[/]");
        var cause = first is null ? "" : $" First failure: {first.LogicalId} ({first.ResourceType}) {first.Status}: {first.Reason}.";
        var message = status == StackStatuses.UpdateRollbackFailed
            ? StackStatuses.ContinueUpdateRollbackAdvice(stackName) + cause
            : $"Deploy of stack {stackName} failed; the stack is {status}.{cause} " +
              (status == StackStatuses.RollbackComplete
                  ? "The next deploy deletes the failed stack and creates it again."
                  : "CloudFormation rolled the change back; fix the cause and deploy again.");
        return new StackDeployException(stackName, status, first, message);
    }
}
