using Liftoff.Aws.CloudFormation.Model;
using Liftoff.Deploying.Locking;
using Spectre.Console;

namespace Liftoff.Deploying.Stacks;

public sealed partial class StackDeployer
{
    /// <summary>
    /// Looks at the stack before a change set is made: ROLLBACK_COMPLETE (a failed first create, which can
    /// only be deleted) is deleted, and so, under the lock, is an empty REVIEW_IN_PROGRESS stack an interrupted run
    /// left; UPDATE_ROLLBACK_FAILED and operations in progress stop the deploy.
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
        // Only a run holding the lock may remove what another run left: then no one else is working on the stack.
        if (status == StackStatuses.ReviewInProgress && !ReferenceEquals(Fence, DeploymentFence.None))
        {
            // AWS would take a second CREATE change set on the stack; moto makes a second stack of the same name instead.
            console.MarkupLine($"[yellow]{Markup.Escape(stackName)} is {status}: an earlier run created its first change set and never " +
                               "executed it; deleting the empty stack to create it afresh.[/]");
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
}
