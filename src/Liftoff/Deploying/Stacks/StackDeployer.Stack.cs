using Amazon.Runtime;
using Liftoff.Aws.CloudFormation;
using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Deploying.Requests;
using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    /// <summary>The stack, or null when there is none of that name (CloudFormation answers ValidationError).</summary>
    public async Task<Stack?> FindStackAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await gate.SendAsync("DescribeStacks",
                t => cloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stackName }, t), cancellationToken);
            var stack = response.Stacks?.FirstOrDefault();
            return stack is null || Status(stack) == "DELETE_COMPLETE" ? null : stack;
        }
        catch (AmazonServiceException e) when (e.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    /// <summary>
    /// Looks at the stack before a change set is made: ROLLBACK_COMPLETE (a failed first create, which can
    /// only be deleted) is deleted; UPDATE_ROLLBACK_FAILED and operations in progress stop the deploy.
    /// </summary>
    private async Task<Stack?> PrepareStackAsync(string stackName, CancellationToken cancellationToken)
    {
        var stack = await FindStackAsync(stackName, cancellationToken);
        if (stack is null) return null;
        var status = Status(stack);
        if (status == StackStatuses.RollbackComplete)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(stackName)} is {status} after a failed first create; deleting it to create it again.[/]");
            await DeleteAndWaitAsync(stack, cancellationToken);
            return null;
        }
        if (status == StackStatuses.UpdateRollbackFailed)
            throw new StackDeployException(stackName, status, null, StackStatuses.ContinueUpdateRollbackAdvice(stackName));
        if (StackStatuses.IsInProgress(status) && status != StackStatuses.ReviewInProgress)
            throw new DeployException(
                $"Stack {stackName} is busy ({status}): another operation is running on it. " +
                "Wait until it ends (aws cloudformation describe-stacks --stack-name " + stackName + ") and deploy again.");
        if (status is "DELETE_FAILED" or "ROLLBACK_FAILED")
            throw new DeployException(
                $"Stack {stackName} is {status}{Reason(stack)}. It cannot be updated: fix what blocked the deletion or rollback, " +
                "delete the stack (aws cloudformation delete-stack), and deploy again.");
        return stack;
    }

    private async Task DeleteAndWaitAsync(Stack stack, CancellationToken cancellationToken)
    {
        var id = stack.StackId ?? stack.StackName!;
        await gate.SendAsync("DeleteStack", t => cloudFormation.DeleteStackAsync(new DeleteStackRequest { StackName = id }, t), cancellationToken);
        var events = new StackEventStream(cloudFormation, gate, id);
        await events.SkipExistingAsync(cancellationToken);
        var backoff = PollingBackoff.ForStackEvents(_time);
        while (true)
        {
            foreach (var e in await events.ReadNewAsync(cancellationToken)) ChangeTable.WriteEvent(console, stack.StackName ?? id, e);
            // By name a deleted stack "does not exist"; by id AWS still shows DELETE_COMPLETE.
            var now = await FindStackAsync(id, cancellationToken);
            if (now is null) return;
            var status = Status(now);
            if (status == "DELETE_FAILED")
                throw new DeployException(
                    $"Stack {stack.StackName} could not be deleted ({status}{Reason(now)}), so it cannot be created again. " +
                    "Delete it by hand (aws cloudformation delete-stack) and deploy again.");
            await backoff.WaitAsync(cancellationToken);
        }
    }

    private async Task EnsureTerminationProtectionAsync(StackDeployment deployment, CancellationToken cancellationToken)
    {
        if (!deployment.TerminationProtection) return;
        var stack = await FindStackAsync(deployment.StackName, cancellationToken);
        if (stack is null || stack.EnableTerminationProtection == true) return;
        try
        {
            await gate.SendAsync("UpdateTerminationProtection", t => cloudFormation.UpdateTerminationProtectionAsync(
                new UpdateTerminationProtectionRequest { StackName = deployment.StackName, EnableTerminationProtection = true }, t), cancellationToken);
            console.MarkupLine($"{Markup.Escape(deployment.StackName)}: termination protection turned on");
        }
        catch (AmazonServiceException e) when ((int)e.StatusCode >= 500)
        {
            // AWS supports it; moto 5.2 answers 500 (not implemented). Say so rather than fail a local deploy.
            console.MarkupLine($"[yellow]{Markup.Escape(deployment.StackName)}: could not turn termination protection on ({Markup.Escape(e.Message)}).[/]");
        }
    }

    private static string Reason(Stack stack) =>
        string.IsNullOrEmpty(stack.StackStatusReason) ? "" : $": {stack.StackStatusReason}";
}
